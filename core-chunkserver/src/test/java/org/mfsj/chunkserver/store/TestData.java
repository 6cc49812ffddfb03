package org.mfsj.chunkserver.store;

import java.util.Random;
import java.util.zip.CRC32C;

/** Bytes and checksums for store tests. */
final class TestData {
    private TestData() {
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, offset, length);
        return (int) c.getValue();
    }

    static int crc(byte[] bytes) {
        return crc(bytes, 0, bytes.length);
    }

    /** Reproducible bytes that differ per seed, so a misplaced block is always noticed. */
    static byte[] bytes(long seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    static void write(ChunkStore store, long id, int version, int offset, byte[] data) throws Exception {
        store.write(id, version, offset, data, 0, data.length, crc(data));
    }

    /** Reads {@code length} bytes and returns exactly what was read. */
    static byte[] read(ChunkStore store, long id, int version, int offset, int length) throws Exception {
        byte[] buf = new byte[length];
        int n = store.read(id, version, offset, buf, 0, length);
        byte[] out = new byte[n];
        System.arraycopy(buf, 0, out, 0, n);
        return out;
    }
}
