package org.mfsj.common.wire;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Byte arrays of one size, handed back by whoever knows they are no longer read and handed out
 * again. A chunkserver decodes every WriteData into a fresh array; a streaming client sends 1 MiB
 * each, and zeroing those arrays was the largest single cost on the chunkserver's event loop
 * (above the socket reads), besides the young collections they set off. An array is only ever
 * handed back once, by the one owner that knows every reader is done; one that is never handed
 * back is simply collected, so giving back is an optimisation, never a duty.
 */
public final class DataArrays {
    private final int size;
    private final int keep;
    private final ConcurrentLinkedDeque<byte[]> free = new ConcurrentLinkedDeque<>();
    private final AtomicInteger kept = new AtomicInteger();

    /** Reuses arrays of {@code size} bytes, keeping at most {@code keep} of them idle. */
    public DataArrays(int size, int keep) {
        this.size = size;
        this.keep = keep;
    }

    /** An array of exactly {@code len} bytes; its content is whatever it last held. */
    public byte[] take(int len) {
        if (len == size) {
            byte[] b = free.pollFirst();
            if (b != null) {
                kept.decrementAndGet();
                return b;
            }
        }
        return new byte[len];
    }

    /** {@code b} will not be read or written again by the caller; only its one owner may call this. */
    public void give(byte[] b) {
        if (b.length != size) {
            return;
        }
        if (kept.incrementAndGet() <= keep) {
            free.offerFirst(b);
        } else {
            kept.decrementAndGet();
        }
    }

    /** Arrays waiting to be handed out again. */
    public int idle() {
        return kept.get();
    }
}
