package org.mfsj.common.types;

/** Fixed sizes of the data model (DESIGN.md): 64 MiB chunks of 64 KiB blocks, one CRC32C each. */
public final class ChunkGeometry {
    public static final int CHUNK_SIZE = 64 << 20;
    public static final int BLOCK_SIZE = 64 << 10;
    public static final int BLOCKS_PER_CHUNK = CHUNK_SIZE / BLOCK_SIZE;

    private ChunkGeometry() {
    }

    public static int chunkIndex(long fileOffset) {
        return (int) (fileOffset / CHUNK_SIZE);
    }

    public static int offsetInChunk(long fileOffset) {
        return (int) (fileOffset % CHUNK_SIZE);
    }
}
