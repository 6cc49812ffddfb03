package org.mfsj.chunkserver.store;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.mfsj.common.types.ChunkGeometry;

/** CRC32C helpers; the JDK class is intrinsified, so a fresh instance per call is cheap. */
final class Crc32c {
    /** Read-only; shared by every zero-fill so gaps never allocate. */
    private static final byte[] ZEROS = new byte[ChunkGeometry.BLOCK_SIZE];
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
