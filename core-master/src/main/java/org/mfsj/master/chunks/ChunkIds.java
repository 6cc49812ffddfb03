package org.mfsj.master.chunks;

import java.util.HexFormat;

/** Formatting of chunk ids: logs always show them as 16 hex digits, as MooseFS tools do. */
public final class ChunkIds {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private ChunkIds() {
    }

    public static String hex(long chunkId) {
        return HEX.toHexDigits(chunkId);
    }
}
