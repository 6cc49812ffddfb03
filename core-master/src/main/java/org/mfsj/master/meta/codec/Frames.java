package org.mfsj.master.meta.codec;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The framing of every record in the changelog and the image:
 * {@code length:u32 lengthCrc:u32 payloadCrc:u32 payload}, big-endian, CRC32C. The length has its
 * own check so a damaged length is told from a short write: a frame whose checked length runs past
 * the end of the file was cut by a crash, while a length that fails its check is damage.
 */
public final class Frames {
    public static final int HEADER = 12;
    /** Far above any record (names, symlink targets and xattr values are bounded well below). */
    public static final int MAX_PAYLOAD = 4 << 20;

    private Frames() {
    }

    /** Appends the frame of {@code payload} to {@code out}, which must have room for it. */
    public static void write(ByteBuffer out, byte[] payload, int off, int len) {
        if (len > MAX_PAYLOAD) {
            throw new IllegalArgumentException("record of " + len + " bytes over " + MAX_PAYLOAD);
        }
        out.putInt(len);
        out.putInt(lengthCrc(len));
        out.putInt(crc(payload, off, len));
        out.put(payload, off, len);
    }

    public static byte[] frame(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        write(b, payload, 0, payload.length);
        return b.array();
    }

    static int lengthCrc(int len) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(4).putInt(0, len));
        return (int) c.getValue();
    }

    static int crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }
}
