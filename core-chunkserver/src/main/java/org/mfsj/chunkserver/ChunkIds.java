package org.mfsj.chunkserver;

import java.util.Locale;

/** Chunk ids as they appear in every log line of the chunkserver (and the store's file names). */
public final class ChunkIds {
    private ChunkIds() {
    }

    public static String hex(long id) {
        return String.format(Locale.ROOT, "%016X", id);
    }
}
