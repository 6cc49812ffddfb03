package org.mfsj.client.fake;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reproducible pseudo-random file contents: the byte at a file position depends only on the seed
 * and the position, so a test can write in one piece size and check in another without keeping
 * hundreds of MiB around.
 */
public final class Pattern {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private Pattern() {
    }

    public static byte at(long seed, long pos) {
        return (byte) (word(seed, pos >>> 3) >>> ((pos & 7) * 8));
    }

    /** Eight bytes of the stream at once: a SplitMix64 step of the word's index. */
    private static long word(long seed, long index) {
        long x = index * 0x9E3779B97F4A7C15L + seed;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    public static void fill(long seed, long pos, byte[] dst, int off, int len) {
        int i = 0;
        // byte by byte up to a word boundary of the file, then whole words, then the tail
        while (i < len && ((pos + i) & 7) != 0) {
            dst[off + i] = at(seed, pos + i);
            i++;
        }
        for (; i + 8 <= len; i += 8) {
            LONGS.set(dst, off + i, word(seed, (pos + i) >>> 3));
        }
        for (; i < len; i++) {
            dst[off + i] = at(seed, pos + i);
        }
    }

    public static byte[] bytes(long seed, long pos, int len) {
        byte[] b = new byte[len];
        fill(seed, pos, b, 0, len);
        return b;
    }
}
