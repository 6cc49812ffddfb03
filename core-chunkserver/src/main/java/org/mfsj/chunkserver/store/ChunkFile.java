package org.mfsj.chunkserver.store;

import static org.mfsj.common.types.ChunkGeometry.BLOCK_SIZE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkGeometry;

/**
 * One open chunk file: the channel plus the header's CRC table kept in memory, so a write only
 * touches the table entries it changes. Block arithmetic and CRC checking live here; locking does
 * not. Callers hold the chunk's read lock for {@link #read} and its write lock for everything
 * that changes the file, which also publishes {@link #length} and the table between threads.
 *
 * <p>Invariant: file size == header size + data length, so writing past the end leaves a hole
 * that reads as zeros and zero-filling costs no data I/O, only CRC entries.
 */
final class ChunkFile {
    private static final Set<OpenOption> OPEN = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
            StandardOpenOption.CREATE_NEW);

    /**
     * A block of scratch per thread for the partial blocks at either end of a read or write: a
     * scattered 4 KiB reader or writer reads and checks the whole 64 KiB block around it each time,
     * and a fresh array per call was 64 KiB of garbage per operation (young collections and page
     * faults showed in the chunkservers' profiles). Direct, so the read lands in it with no copy.
     */
    private static final ThreadLocal<ByteBuffer> SCRATCH = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(BLOCK_SIZE));

    private final FileChannel channel;
    private final long id;
    private final int[] crcs;
    private int length;

    ChunkFile(FileChannel channel, long id, int[] crcs, int length) {
        this.channel = channel;
        this.id = id;
        this.crcs = crcs;
        this.length = length;
    }

    /** Opens an existing file and checks that its header is ours and agrees with its name. */
    static ChunkFile open(ChannelOpener opener, Path path, long id, int version) throws IOException {
        FileChannel ch = opener.open(path, OPEN);
        try {
            long size = ch.size();
            if (size < ChunkHeader.SIZE || size > ChunkHeader.SIZE + (long) ChunkGeometry.CHUNK_SIZE) {
                throw new DamagedChunkException("impossible file size " + size);
            }
            ByteBuffer buf = ByteBuffer.allocate(ChunkHeader.SIZE);
            readFully(ch, buf, 0);
            ChunkHeader header = ChunkHeader.decode(buf.flip());
            if (header.id != id || header.version != version) {
                throw new DamagedChunkException(String.format("header says %s v%d, name says %s v%d",
                        ChunkPaths.hex(header.id), header.version, ChunkPaths.hex(id), version));
            }
            return new ChunkFile(ch, id, header.crcs, (int) (size - ChunkHeader.SIZE));
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** Creates an empty chunk; fails if the file already exists. */
    static ChunkFile create(ChannelOpener opener, Path path, long id, int version) throws IOException {
        FileChannel ch = opener.open(path, CREATE);
        try {
            int[] crcs = new int[ChunkGeometry.BLOCKS_PER_CHUNK];
            writeFully(ch, ChunkHeader.encode(id, version, crcs), 0);
            return new ChunkFile(ch, id, crcs, 0);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    int length() {
        return length;
    }

    long id() {
        return id;
    }

    FileChannel channel() {
        return channel;
    }

    int crc(int block) {
        return crcs[block];
    }

    /**
     * Reads {@code [offset, offset + len)} clipped to the data, verifying every block it touches.
     * Whole blocks go straight into {@code dst}; partial ones through a scratch block.
     */
    int read(int offset, byte[] dst, int dstOffset, int len) throws IOException {
        return read(offset, ByteBuffer.wrap(dst, dstOffset, len));
    }

    /**
     * Reads {@code dst.remaining()} bytes at {@code offset} clipped to the data into {@code dst} from
     * its position (position and limit untouched), verifying every block it touches; returns how
     * many. A run of whole blocks is one positional read (a direct {@code dst} takes it with no copy
     * in the JVM); a partial block at either end goes through a scratch block.
     */
    int read(int offset, ByteBuffer dst) throws IOException {
        int len = dst.remaining();
        if (offset >= length || len == 0) {
            return 0;
        }
        int end = (int) Math.min((long) offset + len, length);
        // whole blocks end at the last block boundary within the range, or at the data's end
        int wholeEnd = end == length ? end : end / BLOCK_SIZE * BLOCK_SIZE;
        int base = dst.position() - offset;
        int at = offset;
        while (at < end) {
            int b = at / BLOCK_SIZE;
            int start = b * BLOCK_SIZE;
            if (at == start && wholeEnd > start) {
                readVerified(b, dst, base + start, wholeEnd - start);
                at = wholeEnd;
                continue;
            }
            int blockLen = Math.min(BLOCK_SIZE, length - start);
            int to = Math.min(end, start + blockLen);
            ByteBuffer scratch = SCRATCH.get();
            readVerified(b, scratch, 0, blockLen);
            dst.put(base + at, scratch, at - start, to - at);
            at = to;
        }
        return end - offset;
    }

    /**
     * Writes {@code src} at {@code offset} if {@code srcCrc} is the CRC of its bytes. Order: new
     * CRCs are computed first (reading and checking only partially overwritten blocks), and the
     * source's CRC checked from the CRCs of its pieces in each block (one pass over the bytes, not
     * two), then the data goes out in one positional write, then the changed table entries. A
     * failed check therefore writes nothing, and a crash in between leaves a CRC mismatch, not bad
     * data.
     */
    void write(int offset, ByteBuffer src, int srcCrc) throws IOException {
        int len = src.remaining();
        if (len == 0) {
            return;
        }
        int end = offset + len;
        int newLength = Math.max(length, end);
        // when extending past a gap, the old last block and the gap blocks change CRC too
        int first = Math.min(offset, length) / BLOCK_SIZE;
        int last = (end - 1) / BLOCK_SIZE;
        BlockUpdate update = new BlockUpdate(offset, src, newLength);
        int[] fresh = new int[last - first + 1];
        for (int b = first; b <= last; b++) {
            fresh[b - first] = update.crcOf(b);
        }
        if (update.sourceCrc() != srcCrc) {
            throw new MfsException(Status.CRC_ERROR, "chunk " + ChunkPaths.hex(id) + ": data does not match its CRC");
        }
        writeFully(channel, src.duplicate(), ChunkHeader.SIZE + (long) offset);
        length = newLength;
        System.arraycopy(fresh, 0, crcs, first, fresh.length);
        writeFully(channel, ChunkHeader.encodeCrcs(crcs, first, last + 1), ChunkHeader.crcPosition(first));
    }

    /** Rewrites the fixed part of the header; the rename is the caller's job. */
    void writeVersion(int version) throws IOException {
        writeFully(channel, ChunkHeader.encodeFixed(id, version), 0);
    }

    void force() throws IOException {
        channel.force(true);
    }

    void close() {
        closeQuietly(channel);
    }

    /** Reads block {@code b}'s {@code blockLen} bytes into {@code into} and checks its CRC. */
    void readVerified(int b, byte[] into, int intoOffset, int blockLen) throws IOException {
        readVerified(b, ByteBuffer.wrap(into), intoOffset, blockLen);
    }

    /**
     * Reads {@code bytes} from the start of block {@code first} into {@code into[at, at + bytes)} in
     * one positional read and checks each block's CRC; only the last block may be short.
     */
    private void readVerified(int first, ByteBuffer into, int at, int bytes) throws IOException {
        ByteBuffer view = into.duplicate();
        view.limit(at + bytes).position(at);
        if (readFully(channel, view, ChunkHeader.SIZE + (long) first * BLOCK_SIZE) < bytes) {
            throw new DamagedChunkException("chunk " + ChunkPaths.hex(id) + " file shorter than its data");
        }
        for (int done = 0; done < bytes; done += BLOCK_SIZE) {
            int b = first + done / BLOCK_SIZE;
            view.limit(at + Math.min(bytes, done + BLOCK_SIZE)).position(at + done);
            if (Crc32c.of(view) != crcs[b]) {
                throw new MfsException(Status.CRC_ERROR, "chunk " + ChunkPaths.hex(id) + " block " + b);
            }
        }
    }

    /** Reads until {@code buf} is full or the file ends; returns the bytes read. */
    static int readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    static void writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
    }

    static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was written through a failed close that a reopen would not recheck by CRC
        }
    }

    /**
     * The new content of each block touched by one write, reduced to its CRC. A block's new
     * content is: old bytes up to the old end, zeros up to the new end, overlaid with the source.
     */
    private final class BlockUpdate {
        private final int offset;
        /** The source bytes: {@code [position, limit)}, never consumed here. */
        private final ByteBuffer src;
        private final int len;
        private final int newLength;
        /** The CRC of the source bytes met so far, block by block, in order. */
        private int sourceCrc;

        BlockUpdate(int offset, ByteBuffer src, int newLength) {
            this.offset = offset;
            this.src = src;
            this.len = src.remaining();
            this.newLength = newLength;
        }

        /** The source's CRC, once {@link #crcOf} has seen every block it touches. */
        int sourceCrc() {
            return sourceCrc;
        }

        /** Counts the source's bytes {@code [at, at + n)} in, whose CRC is {@code crc}. */
        private int met(int crc, int n) {
            sourceCrc = n == len ? crc : Crc32c.combine(sourceCrc, crc, n);
            return crc;
        }

        int crcOf(int b) throws IOException {
            int start = b * BLOCK_SIZE;
            int oldEnd = clamp(length - start);
            int newEnd = clamp(newLength - start);
            int from = clamp(offset - start);
            int to = clamp(offset + len - start);
            // where the source's bytes for this block begin, as an index into src
            int at = src.position() + start + from - offset;
            if (from == 0 && to == newEnd) {
                // the hot path: the source is the whole new block, no read of the old one
                return met(Crc32c.of(src, at, to), to);
            }
            if (from < to) {
                met(Crc32c.of(src, at, to - from), to - from);
            }
            if (oldEnd == 0) {
                // nothing old survives: zeros up to the source, then the source (if any reaches here)
                return from >= to ? Crc32c.zeros(newEnd) : Crc32c.zerosThen(from, src, at, to - from);
            }
            ByteBuffer image = SCRATCH.get();
            readVerified(b, image, 0, oldEnd);
            if (oldEnd < newEnd) {
                // the scratch holds an earlier block's bytes past the old end: the gap reads as zeros
                image.put(oldEnd, Crc32c.ZEROS, 0, newEnd - oldEnd);
            }
            if (from < to) {
                image.put(from, src, at, to - from);
            }
            return Crc32c.of(image, 0, newEnd);
        }

        private int clamp(long relative) {
            return (int) Math.max(0, Math.min(BLOCK_SIZE, relative));
        }
    }
}
