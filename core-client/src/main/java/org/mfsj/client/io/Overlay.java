package org.mfsj.client.io;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The unflushed writes of a file at one instant, oldest first, laid over what the chunkservers
 * returned so a reader sees its own writes. {@code changes} identifies the instant: data fetched
 * from the servers after a snapshot with the same count is still consistent with it.
 */
record Overlay(List<Piece> pieces, long end, long changes) {
    /** Bytes {@code [offset, offset+length)} of the file, in {@code data[0, length)}. */
    record Piece(long offset, byte[] data, int length) {
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
                dst.put(off + (int) (from - offset), p.data, (int) (from - p.offset), (int) (to - from));
            }
        }
    }
}
