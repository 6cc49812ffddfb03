package org.mfsj.chunkserver.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mfsj.common.types.ChunkGeometry;

/**
 * The 8 KiB header at the start of every chunk file (big-endian):
 * <pre>
 *   0  magic "MFSJCHNK"          8 bytes
 *   8  format version           int   version of the writer
 *  12  min reader version       int   oldest reader format that can still read this file
 *  16  chunk id                 long
 *  24  chunk version            int
 *  28  CRC32C of bytes 0..27    int   so a torn or scribbled header is never believed
 *  32  zero padding up to 4096
 * 4096 1024 x CRC32C            int   one per 64 KiB block, zero beyond the data
 * </pre>
 * The CRC table starts on its own page so updating a few entries touches one page.
 * Format versions: 1 = the layout above.
 */
final class ChunkHeader {
    static final int SIZE = 8192;
    static final int FIXED_SIZE = 32;
    static final int CRC_TABLE_OFFSET = 4096;
    static final int FORMAT_VERSION = 1;
    /** Files written by this code need at least this reader; raise it only on incompatible changes. */
    static final int MIN_READER_VERSION = 1;

    private static final byte[] MAGIC = "MFSJCHNK".getBytes(StandardCharsets.US_ASCII);
    private static final int FIXED_CRC_OFFSET = 28;

    final long id;
    final int version;
    final int[] crcs;

    private ChunkHeader(long id, int version, int[] crcs) {
        this.id = id;
        this.version = version;
        this.crcs = crcs;
    }

    /** A whole header, ready to be written at offset 0. */
    static ByteBuffer encode(long id, int version, int[] crcs) {
        ByteBuffer buf = ByteBuffer.allocate(SIZE);
        buf.put(encodeFixed(id, version));
        buf.position(CRC_TABLE_OFFSET);
        for (int crc : crcs) {
            buf.putInt(crc);
        }
        return buf.flip();
    }

    /** Only the first {@link #FIXED_SIZE} bytes: what a version change rewrites. */
    static ByteBuffer encodeFixed(long id, int version) {
        ByteBuffer buf = ByteBuffer.allocate(FIXED_SIZE);
        buf.put(MAGIC).putInt(FORMAT_VERSION).putInt(MIN_READER_VERSION).putLong(id).putInt(version);
        buf.putInt(Crc32c.of(buf.array(), 0, FIXED_CRC_OFFSET));
        return buf.flip();
    }

    /** Table entries {@code [from, to)}, to be written at {@link #crcPosition(int) crcPosition(from)}. */
    static ByteBuffer encodeCrcs(int[] crcs, int from, int to) {
        ByteBuffer buf = ByteBuffer.allocate((to - from) * Integer.BYTES);
        for (int i = from; i < to; i++) {
            buf.putInt(crcs[i]);
        }
        return buf.flip();
    }

    static long crcPosition(int block) {
        return CRC_TABLE_OFFSET + (long) block * Integer.BYTES;
    }

    /** Parses a full header; anything unexpected means the file as a whole is damaged. */
    static ChunkHeader decode(ByteBuffer buf) throws DamagedChunkException {
        if (buf.remaining() < SIZE) {
            throw new DamagedChunkException("header truncated: " + buf.remaining() + " bytes");
        }
        byte[] fixed = new byte[FIXED_SIZE];
        buf.get(buf.position(), fixed);
        if (!Arrays.equals(fixed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new DamagedChunkException("bad magic");
        }
        ByteBuffer f = ByteBuffer.wrap(fixed);
        int minReader = f.getInt(12);
        if (minReader > FORMAT_VERSION) {
            throw new DamagedChunkException("format needs reader version " + minReader + ", we are "
                    + FORMAT_VERSION);
        }
        if (f.getInt(FIXED_CRC_OFFSET) != Crc32c.of(fixed, 0, FIXED_CRC_OFFSET)) {
            throw new DamagedChunkException("header checksum mismatch");
        }
        int[] crcs = new int[ChunkGeometry.BLOCKS_PER_CHUNK];
        int base = buf.position() + CRC_TABLE_OFFSET;
        for (int i = 0; i < crcs.length; i++) {
            crcs[i] = buf.getInt(base + i * Integer.BYTES);
        }
        return new ChunkHeader(f.getLong(16), f.getInt(24), crcs);
    }
}
