package org.mfsj.master.chunks;

/** Formatting of chunk ids: logs always show them as 16 hex digits, as MooseFS tools do. */
public final class ChunkIds {
    private ChunkIds() {
    }

    public static String hex(long chunkId) {
        return String.format("%016X", chunkId);
    }
}
