package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recycled blocks, and the leak watch that the write path's tests rely on (it must see a drop, and only then). */
class DirectBlocksTest {
    private final LeakWatch watch = new LeakWatch();
    private final DirectBlocks blocks = new DirectBlocks(64 << 10, 2);

    @BeforeEach
    void start() {
        watch.start();
    }

    @AfterEach
    void stop() {
        watch.stop();
    }

    @Test
    void aBlockComesBackWhenItsLastReferenceGoesAndHoldsOnlyTheNextPiece() throws InterruptedException {
        byte[] first = bytes(1, 64 << 10);
        ByteBuf a = blocks.take().writeBytes(first);
        assertThat(a.isDirect()).isTrue();
        ByteBuf sent = a.retainedSlice();
        a.release();
        assertThat(blocks.idle()).as("a slice still holds it").isZero();
        assertThat(ByteBufUtil.getBytes(sent)).isEqualTo(first);
        sent.release();
        assertThat(blocks.idle()).isEqualTo(1);

        byte[] second = bytes(2, 40 << 10);
        ByteBuf b = blocks.take();
        assertThat(blocks.idle()).as("the same memory went out again").isZero();
        assertThat(b.readableBytes()).as("empty").isZero();
        assertThat(ByteBufUtil.getBytes(b.writeBytes(second))).isEqualTo(second);
        assertThat(b.maxWritableBytes()).isEqualTo((64 << 10) - second.length);
        b.release();
        assertThat(watch.leaks()).isEmpty();
    }

    @Test
    void atMostKeepBlocksWaitIdle() {
        ByteBuf[] out = new ByteBuf[3];
        for (int i = 0; i < out.length; i++) {
            out[i] = blocks.take();
        }
        for (ByteBuf b : out) {
            b.release();
        }
        assertThat(blocks.idle()).isEqualTo(2);
    }

    @Test
    void aBlockDroppedWithoutAReleaseIsReportedByNettysLeakDetector() throws InterruptedException {
        blocks.take();
        assertThat(watch.leaks()).isNotEmpty();
    }

    @Test
    void theWatchLetsAReleasedPooledSliceGoAndSeesADroppedOne() throws InterruptedException {
        ByteBuf frame = PooledByteBufAllocator.DEFAULT.directBuffer(4096).writeZero(4096);
        ByteBuf slice = frame.retainedSlice(0, 100);
        frame.release();
        slice.release();
        assertThat(watch.leaks()).isEmpty();

        dropAReferenceTo(PooledByteBufAllocator.DEFAULT.directBuffer(4096).writeZero(4096));
        assertThat(watch.leaks()).isNotEmpty();
    }

    private static void dropAReferenceTo(ByteBuf frame) {
        frame.retainedSlice(0, 100);
        frame.release();
    }

    private static byte[] bytes(int seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
