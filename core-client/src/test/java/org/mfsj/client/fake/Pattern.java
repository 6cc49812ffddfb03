package org.mfsj.client.fake;

/**
 * Reproducible pseudo-random file contents: the byte at a file position depends only on the seed
 * and the position, so a test can write in one piece size and check in another without keeping
 * hundreds of MiB around.
 */
public final class Pattern {
    private Pattern() {
    }

    public static byte at(long seed, long pos) {
        long x = (pos >>> 3) * 0x9E3779B97F4A7C15L + seed;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return (byte) (x >>> ((pos & 7) * 8));
    }

    public static void fill(long seed, long pos, byte[] dst, int off, int len) {
        for (int i = 0; i < len; i++) {
            dst[off + i] = at(seed, pos + i);
        }
    }

    public static byte[] bytes(long seed, long pos, int len) {
        byte[] b = new byte[len];
        fill(seed, pos, b, 0, len);
        return b;
    }
}
