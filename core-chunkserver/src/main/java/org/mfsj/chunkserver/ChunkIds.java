package org.mfsj.chunkserver;

import java.util.HexFormat;

/** Chunk ids as they appear in every log line of the chunkserver (and the store's file names). */
public final class ChunkIds {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private ChunkIds() {
    }

    public static String hex(long id) {
        return HEX.toHexDigits(id);
    }
}
