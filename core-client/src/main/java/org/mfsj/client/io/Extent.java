package org.mfsj.client.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
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
 */
final class Extent {
    static final int CELL = WriteData.MAX_DATA;

    private final long offset;
    private final long serial;
    private byte[] data;
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
        this.data = new byte[Math.min(Math.max(capacity, 0), roomFrom(offset))];
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
        if (length + n > data.length) {
            // grows by doubling, never past the cell; old arrays stay intact for snapshots
            int cap = Math.min(roomFrom(offset), Math.max(length + n, data.length * 2));
            data = Arrays.copyOf(data, cap);
        }
        src.get(data, length, n);
        length += n;
        lastAppendNanos = nowNanos;
        return n;
    }

    /** Freezes the extent and trims its array to the exact length, ready to send. */
    void seal() {
        if (!sealed) {
            sealed = true;
            if (data.length != length) {
                data = Arrays.copyOf(data, length);
            }
        }
    }

    /** The bytes; after {@link #seal} exactly {@link #length()} long. */
    byte[] data() {
        return data;
    }
}
