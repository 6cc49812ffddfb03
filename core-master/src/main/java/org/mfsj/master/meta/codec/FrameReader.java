package org.mfsj.master.meta.codec;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the frames of one file strictly. A frame cut short by the end of the file (the last write
 * of a crashed master) is reported as {@link Torn}, with the offset to cut at; anything else that
 * does not check out is a {@link CorruptMetadataException} naming the file and offset. Whether a
 * torn frame is acceptable (only at the end of the newest changelog) is the caller's decision.
 * A file may end in zeros (the changelog writes ahead of its records): a frame that does not check
 * out and has nothing but zeros after it is the torn end too, as a crash in the middle of the last
 * write leaves it. Damage with anything but zeros after it is damage.
 */
public final class FrameReader implements AutoCloseable {
    /** The end of the file's good frames was reached mid-frame; {@code offset} is where it starts. */
    public static final class Torn extends IOException {
        private final long offset;

        Torn(Path file, long offset, String why) {
            super(file + " at offset " + offset + ": torn last record (" + why + ")");
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }

    private static final int CHUNK = 1 << 16;
    private static final int WINDOW = 1 << 20;

    private final Path file;
    private final FileChannel ch;
    private final long size;
    private final ByteBuffer header = ByteBuffer.allocate(Frames.HEADER);
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW).limit(0);
    private long windowStart;
    private long pos;
    private long frameStart;

    /** Reads {@code file} from {@code offset} (a frame boundary) up to its size now. */
    public FrameReader(Path file, long offset) throws IOException {
        this.file = file;
        this.ch = FileChannel.open(file, StandardOpenOption.READ);
        this.size = ch.size();
        this.pos = offset;
    }

    public Path file() {
        return file;
    }

    /** Where the frame last returned by {@link #next} starts. */
    public long frameStart() {
        return frameStart;
    }

    /** Where the next frame starts. */
    public long position() {
        return pos;
    }

    /** The next payload, or null at a clean end of the file. */
    public byte[] next() throws IOException {
        frameStart = pos;
        if (pos == size) {
            return null;
        }
        if (size - pos < Frames.HEADER) {
            throw torn("header cut short");
        }
        header.clear();
        readFully(header, pos);
        int len = header.getInt(0);
        if (header.getInt(4) != Frames.lengthCrc(len)) {
            if (zeroFrom(pos)) {
                throw torn("zeroed tail");
            }
            throw corrupt("record length fails its check");
        }
        if (len < 0 || len > Frames.MAX_PAYLOAD) {
            throw corrupt("record length " + len);
        }
        long end = pos + Frames.HEADER + len;
        if (end > size) {
            throw torn("record cut short");
        }
        byte[] payload = new byte[len];
        readFully(ByteBuffer.wrap(payload), pos + Frames.HEADER);
        if (header.getInt(8) != Frames.crc(payload, 0, len)) {
            if (zeroFrom(end)) {
                throw torn("last record fails its checksum");
            }
            throw corrupt("record fails its checksum");
        }
        pos = end;
        return payload;
    }

    public CorruptMetadataException corrupt(String why) {
        return new CorruptMetadataException(file, frameStart, why);
    }

    private Torn torn(String why) {
        return new Torn(file, frameStart, why);
    }

    /** Whether the file holds only zeros from {@code from} to its end (true at the end). */
    private boolean zeroFrom(long from) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(CHUNK);
        for (long at = from; at < size; at += b.limit()) {
            b.clear();
            b.limit((int) Math.min(CHUNK, size - at));
            readFully(b, at);
            for (int i = 0; i < b.limit(); i++) {
                if (b.get(i) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Fills {@code b} from {@code at}, through a read-ahead window: images are millions of small frames. */
    private void readFully(ByteBuffer b, long at) throws IOException {
        long p = at;
        while (b.hasRemaining()) {
            if (p < windowStart || p >= windowStart + window.limit()) {
                fill(p);
            }
            int off = (int) (p - windowStart);
            int n = Math.min(b.remaining(), window.limit() - off);
            b.put(window.array(), off, n);
            p += n;
        }
    }

    private void fill(long at) throws IOException {
        window.clear();
        window.limit((int) Math.min(window.capacity(), size - at));
        if (window.limit() <= 0) {
            throw new EOFException(file + " shrank while being read");
        }
        long p = at;
        while (window.hasRemaining()) {
            int n = ch.read(window, p);
            if (n < 0) {
                throw new EOFException(file + " shrank while being read");
            }
            p += n;
        }
        window.flip();
        windowStart = at;
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
