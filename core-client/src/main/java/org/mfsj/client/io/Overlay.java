package org.mfsj.client.io;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The unflushed writes of a file at one instant, oldest first, laid over what the chunkservers
 * returned so a reader sees its own writes. {@code changes} identifies the instant: data fetched
 * from the servers after a snapshot with the same count is still consistent with it. Each piece
 * holds a reference to its extent's bytes, so the writer may send and drop them meanwhile; the
 * reader {@link #release}s the snapshot when done.
 */
record Overlay(List<Piece> pieces, long end, long changes) {
    /** Bytes {@code [offset, offset+length)} of the file, in {@code data[0, length)}, retained. */
    record Piece(long offset, ByteBuf data, int length) {
    }

    static Overlay empty(long changes) {
        return new Overlay(List.of(), 0, changes);
    }

    boolean isEmpty() {
        return pieces.isEmpty();
    }

    /** Whether one piece alone holds every byte of the range (then the servers need not be asked). */
    boolean covers(long offset, int n) {
        for (Piece p : pieces) {
            if (p.offset <= offset && p.offset + p.length >= offset + n) {
                return true;
            }
        }
        return false;
    }

    /**
     * Copies every piece's part of {@code [offset, offset+n)} into {@code dst} from absolute
     * index {@code off}, later pieces last.
     */
    void apply(long offset, ByteBuffer dst, int off, int n) {
        long end = offset + n;
        for (Piece p : pieces) {
            long from = Math.max(offset, p.offset);
            long to = Math.min(end, p.offset + p.length);
            if (from < to) {
                int at = off + (int) (from - offset);
                p.data.getBytes((int) (from - p.offset), dst.duplicate().limit(at + (int) (to - from)).position(at));
            }
        }
    }

    /** Lets go of every piece's bytes; the snapshot is not to be used after. */
    void release() {
        for (Piece p : pieces) {
            p.data.release();
        }
    }
}
