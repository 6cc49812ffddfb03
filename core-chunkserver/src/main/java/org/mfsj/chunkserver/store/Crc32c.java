package org.mfsj.chunkserver.store;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.mfsj.common.types.ChunkGeometry;

/** CRC32C helpers; the JDK class is intrinsified, so a fresh instance per call is cheap. */
final class Crc32c {
    /** Read-only; shared by every zero-fill so gaps never allocate. */
    static final byte[] ZEROS = new byte[ChunkGeometry.BLOCK_SIZE];
    static final int ZERO_BLOCK = of(ZEROS, 0, ZEROS.length);

    private Crc32c() {
    }

    static int of(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** The CRC of {@code buf}'s remaining bytes (consumed); a direct buffer is checksummed in place. */
    static int of(ByteBuffer buf) {
        CRC32C crc = new CRC32C();
        crc.update(buf);
        return (int) crc.getValue();
    }

    /** The CRC of {@code buf[at, at + length)}; {@code buf} is not moved. */
    static int of(ByteBuffer buf, int at, int length) {
        return of(buf.duplicate().limit(at + length).position(at));
    }

    /**
     * The CRC of A followed by B, from A's CRC, B's CRC and B's length: A's CRC shifted over B's
     * bits (a multiplication by x^(8 * lengthB) modulo the polynomial) plus B's. Lets a write check
     * a piece's CRC from its blocks' CRCs instead of reading the piece a second time.
     */
    static int combine(int crcA, int crcB, long lengthB) {
        return multiplyModP(xPow8n(lengthB), crcA) ^ crcB;
    }

    /** CRC-32C's polynomial, bit-reflected: bit 31 is x^0. */
    private static final int POLY = 0x82F63B78;
    /** X_POW_2N[k] = x^(2^k) modulo the polynomial. */
    private static final int[] X_POW_2N = new int[32];

    static {
        int p = 1 << 30; // x^1
        for (int k = 0; k < 32; k++) {
            X_POW_2N[k] = p;
            p = multiplyModP(p, p);
        }
    }

    /** a * b modulo the polynomial, both bit-reflected. */
    private static int multiplyModP(int a, int b) {
        int product = 0;
        int bb = b;
        for (int m = 1 << 31; m != 0; m >>>= 1) {
            if ((a & m) != 0) {
                product ^= bb;
            }
            bb = (bb & 1) != 0 ? (bb >>> 1) ^ POLY : bb >>> 1;
        }
        return product;
    }

    /** x^(8n) modulo the polynomial: n bytes' worth of shift. */
    private static int xPow8n(long n) {
        int p = 1 << 31; // x^0
        int k = 3; // 8n = n * 2^3
        for (long left = n; left != 0; left >>>= 1, k++) {
            if ((left & 1) != 0) {
                p = multiplyModP(X_POW_2N[k & 31], p);
            }
        }
        return p;
    }

    /** The CRC of {@code length} zero bytes, {@code length} at most one block. */
    static int zeros(int length) {
        return length == ZEROS.length ? ZERO_BLOCK : of(ZEROS, 0, length);
    }

    /** The CRC of {@code zeros} zero bytes followed by {@code bytes[offset, offset + length)} (not moved). */
    static int zerosThen(int zeros, ByteBuffer bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(ZEROS, 0, zeros);
        crc.update(bytes.duplicate().limit(offset + length).position(offset));
        return (int) crc.getValue();
    }
}
