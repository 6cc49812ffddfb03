package org.mfsj.client.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.LeakWatch;

/**
 * The write-back buffer's bytes are reference-counted (direct blocks for whole cells): every
 * extent's buffer is let go of on every way out, a snapshot's and a send's outlive the extent, and
 * a growing extent's old buffer stays intact for a snapshot that holds it. The leak watch fails
 * any test that drops one unreleased.
 */
@ExtendWith(LeakWatch.class)
class WriteBufferMemoryTest {
    private static final int CELL = Extent.CELL;

    private final WriteBuffer buffer = new WriteBuffer(8L * CELL, () -> { });

    @Test
    void aStreamedCellGoesOutAsItIsAndOutlivesItsRelease() throws Exception {
        byte[] data = random(1, CELL);
        buffer.append(0, ByteBuffer.wrap(data, 0, 1000));
        buffer.append(1000, ByteBuffer.wrap(data, 1000, CELL - 1000));
        Extent e = buffer.take(0, 0);
        assertThat(e.length()).isEqualTo(CELL);
        assertThat(e.data().isDirect()).as("a whole cell is a direct block").isTrue();
        ByteBuf sent = e.data().retainedSlice(0, e.length());
        buffer.release(List.of(e));
        assertThat(ByteBufUtil.getBytes(sent)).isEqualTo(data);
        assertThat(sent.release()).as("the send held the last reference").isTrue();
    }

    @Test
    void aSnapshotKeepsWhatItSawWhileTheExtentGrowsAndLeaves() throws Exception {
        byte[] data = random(2, 300_000);
        buffer.append(5, ByteBuffer.wrap(data, 0, 100));
        Overlay early = buffer.snapshot();
        // a scattered writer's extent starts small and grows, replacing its buffer
        buffer.append(105, ByteBuffer.wrap(data, 100, data.length - 100));
        Overlay late = buffer.snapshot();
        // a write elsewhere makes the grown extent ready to go
        buffer.append(20L * CELL, ByteBuffer.wrap(data, 0, 1));
        Extent e = buffer.take(0, -1);
        assertThat(e.length()).isEqualTo(data.length);
        buffer.release(List.of(e));
        buffer.fail(new MfsException(Status.EIO, "test: drop the rest"));

        ByteBuffer seen = ByteBuffer.allocate(data.length);
        early.apply(5, seen, 0, data.length);
        assertThat(seen.array()).startsWith(java.util.Arrays.copyOf(data, 100));
        assertThat(seen.get(100)).as("written after the early snapshot").isZero();
        late.apply(5, seen, 0, data.length);
        assertThat(seen.array()).isEqualTo(data);
        early.release();
        late.release();
    }

    @Test
    void aFailedBufferLetsGoOfQueuedAndTakenExtents() throws Exception {
        buffer.append(0, ByteBuffer.wrap(random(3, CELL)));
        buffer.append(CELL, ByteBuffer.wrap(random(4, 4096)));
        buffer.append(10L * CELL, ByteBuffer.wrap(random(5, 4096)));
        Extent taken = buffer.take(0, 0);
        ByteBuf inFlight = taken.data().retainedSlice(0, taken.length());
        buffer.fail(new MfsException(Status.EIO, "test"));
        assertThat(buffer.hasData()).isFalse();
        assertThat(inFlight.refCnt()).as("a send in flight still holds its bytes").isPositive();
        inFlight.release();
    }

    private static byte[] random(int seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
