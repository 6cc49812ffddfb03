package org.mfsj.client.io;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.mfsj.common.wire.DirectBlocks;
import org.mfsj.common.wire.client2chunk.WriteData;

/**
 * A run of written bytes inside one cell of the file: the unit that is buffered, sent as one
 * WriteData and, after a chain failure, sent again. Cells are {@link #CELL} bytes on a grid that
 * starts at 0, so an extent never crosses a chunk boundary and every piece after a cell's first
 * starts on a 64 KiB block boundary (the chunkservers' fast path).
 *
 * <p>Only the tail extent of a buffer grows, under the buffer's lock; once {@link #seal sealed} it
 * never changes, so senders read it without locking. Bytes below {@link #length()} are never
 * overwritten even while growing, which is what lets readers overlay a snapshot safely.
 *
 * <p>The bytes are a reference-counted buffer: a streaming writer's whole cell is a recycled direct
 * block, which goes to the chain as it is (a slice holding its own reference) instead of being
 * copied into a fresh array per MiB and then again into a frame; a scattered writer's few bytes are
 * a heap buffer. The extent holds one reference until the buffer lets it go ({@link #release}); a
 * reader's snapshot and each send hold their own.
 */
final class Extent {
    static final int CELL = WriteData.MAX_DATA;
    /** Whole cells' memory; a few idle ones are kept for the next streaming writer. */
    private static final DirectBlocks CELLS = new DirectBlocks(CELL, 64);

    private final long offset;
    private final long serial;
    private ByteBuf data;
    private int length;
    private boolean sealed;
    private long lastAppendNanos;

    /**
     * @param capacity bytes to allocate up front: the whole rest of the cell for a streaming writer,
     *                 just what is needed for a scattered one
     */
    Extent(long offset, long serial, int capacity) {
        this.offset = offset;
        this.serial = serial;
        this.data = allocate(Math.min(Math.max(capacity, 0), roomFrom(offset)));
    }

    private static ByteBuf allocate(int capacity) {
        return capacity == CELL ? CELLS.take() : Unpooled.buffer(capacity, capacity);
    }

    /** Bytes from {@code fileOffset} to the end of its cell. */
    static int roomFrom(long fileOffset) {
        return CELL - (int) (fileOffset % CELL);
    }

    long offset() {
        return offset;
    }

    long end() {
        return offset + length;
    }

    int length() {
        return length;
    }

    long serial() {
        return serial;
    }

    boolean sealed() {
        return sealed;
    }

    long lastAppendNanos() {
        return lastAppendNanos;
    }

    /** Whether a write at {@code fileOffset} continues this extent. */
    boolean continuesAt(long fileOffset) {
        return !sealed && fileOffset == end() && !full();
    }

    boolean full() {
        return length == roomFrom(offset);
    }

    /** Appends as much of {@code src}'s remaining bytes as fits in the cell; returns how much that was. */
    int append(ByteBuffer src, long nowNanos) {
        int n = Math.min(src.remaining(), roomFrom(offset) - length);
        if (length + n > data.capacity()) {
            // grows by doubling, never past the cell; snapshots keep the old buffer alive and intact
            ByteBuf bigger = allocate(Math.min(roomFrom(offset), Math.max(length + n, data.capacity() * 2)));
            bigger.setBytes(0, data, 0, length);
            data.release();
            data = bigger;
        }
        int limit = src.limit();
        src.limit(src.position() + n);
        data.setBytes(length, src);
        src.limit(limit);
        length += n;
        lastAppendNanos = nowNanos;
        return n;
    }

    /** Freezes the extent, ready to send. */
    void seal() {
        sealed = true;
    }

    /** The bytes, {@code [0, length())} of it; the extent's own reference, not to be released by the caller. */
    ByteBuf data() {
        return data;
    }

    /** The extent has left the buffer: its reference goes (readers and sends may still hold theirs). */
    void release() {
        data.release();
    }
}
