package org.mfsj.common.wire;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledUnsafeDirectByteBuf;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Direct buffers of one size for bulk data, whose memory comes back here when the last reference
 * is released and goes out again. A client streaming 1 MiB pieces had each one in a fresh zeroed
 * array, then copied into a frame from Netty's pool, whose 4 MiB chunks came and went as the
 * pieces did: each new chunk was zeroed and page-faulted in again, a tenth of the mount's CPU in a
 * sequential write. Kept memory is never freed, so at most {@code keep} blocks are kept idle; any
 * more are left to the garbage collector. Blocks are tracked by Netty's leak detector as its own buffers are.
 */
public final class DirectBlocks {
    private final int size;
    private final int keep;
    private final ConcurrentLinkedDeque<ByteBuffer> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger kept = new AtomicInteger();

    /** Blocks of {@code size} bytes, at most {@code keep} of them idle. */
    public DirectBlocks(int size, int keep) {
        this.size = size;
        this.keep = keep;
    }

    /** An empty block: {@code size} bytes of capacity, which it cannot grow past. */
    public ByteBuf take() {
        ByteBuffer mem = idle.pollFirst();
        if (mem != null) {
            kept.decrementAndGet();
        } else {
            mem = ByteBuffer.allocateDirect(size);
        }
        return LeakTracking.of(new Block(mem));
    }

    /** Whether {@code len} bytes are worth a block: at most one, and at least a sixteenth of one. */
    public boolean fits(int len) {
        return len <= size && len >= size / 16;
    }

    /** Blocks waiting to go out again. */
    public int idle() {
        return kept.get();
    }

    private void giveBack(ByteBuffer mem) {
        if (kept.incrementAndGet() <= keep) {
            idle.offerFirst(mem.clear());
        } else {
            kept.decrementAndGet();
        }
    }

    /** A block's memory seen as a Netty buffer that never frees it but hands it back. */
    private final class Block extends UnpooledUnsafeDirectByteBuf {
        private final ByteBuffer mem;

        Block(ByteBuffer mem) {
            // this constructor never frees the memory it is given
            super(UnpooledByteBufAllocator.DEFAULT, mem, mem.capacity());
            this.mem = mem;
            clear();
        }

        @Override
        protected void deallocate() {
            super.deallocate();
            giveBack(mem);
        }
    }

    /**
     * Netty's allocators' own leak tracking (sampled, or every buffer at PARANOID), which only an
     * allocator may apply: one that is never used to allocate.
     */
    private abstract static class LeakTracking extends AbstractByteBufAllocator {
        static ByteBuf of(ByteBuf buf) {
            return toLeakAwareBuffer(buf);
        }
    }
}
