package org.mfsj.client.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkGeometry;

/**
 * Scattered writes: the writer gets its own chunk's extents first and holds its session there until
 * it has a reason to move on, and a flush still waits for every extent.
 */
class WriteBufferOrderTest {
    private static final long CHUNK = ChunkGeometry.CHUNK_SIZE;
    private static final byte[] PIECE = new byte[4096];

    /** A frozen clock for lingering: no extent leaves for having waited, however slowly a loaded machine runs this. */
    private static final LongSupplier FROZEN = () -> 0L;

    private final WriteBuffer buffer = new WriteBuffer(1 << 20, () -> { }, FROZEN);

    /** Writes at chunk 0, 1, 0, 1, 0, 1 (never contiguous, so six extents), serials 1..6. */
    private void scatter() throws Exception {
        for (int i = 0; i < 3; i++) {
            buffer.append(2L * i * PIECE.length, ByteBuffer.wrap(PIECE));
            buffer.append(CHUNK + 2L * i * PIECE.length, ByteBuffer.wrap(PIECE));
        }
    }

    /** The scatter, chunk 0's three extents taken: the writer's session is on chunk 0, chunk 1's wait. */
    private void holdChunkZeroWithChunkOneOlder() throws Exception {
        scatter();
        for (int i = 0; i < 3; i++) {
            buffer.take(0, 0);
        }
    }

    @Test
    void theWritersChunkComesFirstInItsOwnOrderAndTheOthersWaitForAReasonToMoveOn() throws Exception {
        scatter();
        assertThat(buffer.take(0, 0).offset()).isEqualTo(0);
        assertThat(buffer.take(0, 0).offset()).isEqualTo(2L * PIECE.length);
        assertThat(buffer.take(0, 0).offset()).isEqualTo(4L * PIECE.length);
        assertThat(buffer.take(0, 0)).as("chunk 0 drained, but chunk 1's extents are older than its last").isNull();
        assertThat(buffer.take(0, -1).offset()).as("no session: the head").isEqualTo(CHUNK);
        assertThat(buffer.take(0, 1).offset()).isEqualTo(CHUNK + 2L * PIECE.length);
    }

    @Test
    void aWriteElsewhereAfterTheSessionsLastExtentMovesTheWriterOn() throws Exception {
        buffer.append(0, ByteBuffer.wrap(PIECE));
        buffer.append(2L * PIECE.length, ByteBuffer.wrap(PIECE));
        assertThat(buffer.take(0, -1).serial()).isEqualTo(1);
        // a sequential writer crossing into the next chunk: its extents are newer than the session's last
        buffer.append(CHUNK, ByteBuffer.wrap(PIECE));
        buffer.append(CHUNK + 2L * PIECE.length, ByteBuffer.wrap(PIECE));
        assertThat(buffer.take(0, 0).serial()).isEqualTo(2);
        assertThat(buffer.take(0, 0).offset()).isEqualTo(CHUNK);
    }

    @Test
    void aQuarterOfTheBudgetQueuedElsewhereMovesTheWriterOn() throws Exception {
        holdChunkZeroWithChunkOneOlder();
        assertThat(buffer.take(0, 0)).isNull();
        // 1 MiB budget: 64 more scattered pieces in chunk 1 make 268 KiB queued there
        for (int i = 3; i < 67; i++) {
            buffer.append(CHUNK + 2L * i * PIECE.length, ByteBuffer.wrap(PIECE));
        }
        assertThat(buffer.take(0, 0).offset()).isEqualTo(CHUNK);
    }

    @Test
    void aFlushMovesAHeldWriterOn() throws Exception {
        holdChunkZeroWithChunkOneOlder();
        CompletableFuture<Void> flushed = CompletableFuture.runAsync(() -> {
            try {
                buffer.awaitFlushed();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (!buffer.flushWanted()) {
            Thread.onSpinWait();
        }
        assertThat(buffer.take(0, 0).offset()).isEqualTo(CHUNK);
        buffer.fail(new MfsException(Status.EIO, "test over"));
        assertThat(flushed).failsWithin(10, TimeUnit.SECONDS);
    }

    @Test
    void aWriterBlockedForRoomMovesAHeldWriterOn() throws Exception {
        WriteBuffer small = new WriteBuffer(64 << 10, () -> { }, FROZEN);
        small.append(CHUNK, ByteBuffer.wrap(PIECE)); // serial 1, chunk 1
        small.append(0, ByteBuffer.wrap(PIECE)); // serial 2, chunk 0
        small.append(CHUNK + 2L * PIECE.length, ByteBuffer.wrap(PIECE)); // serial 3, chunk 1
        small.append(CHUNK + 4L * PIECE.length, ByteBuffer.wrap(PIECE)); // serial 4, chunk 1, lingering
        assertThat(small.take(0, -1).offset()).isEqualTo(CHUNK);
        assertThat(small.take(0, 1).offset()).isEqualTo(CHUNK + 2L * PIECE.length);
        // chunk 0's extent is older than the session's last and 4 KiB is under a quarter of 64 KiB
        assertThat(small.take(0, 1)).isNull();
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                small.append(2 * CHUNK, ByteBuffer.wrap(new byte[56 << 10]));
            } catch (MfsException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(small.take(TimeUnit.SECONDS.toNanos(10), 1).offset()).isZero();
        assertThat(blocked).isNotDone();
        small.fail(new MfsException(Status.EIO, "test over"));
        blocked.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFlushWaitsForAnOlderExtentThatIsStillOutAfterANewerOneLeft() throws Exception {
        buffer.append(0, ByteBuffer.wrap(PIECE)); // serial 1, chunk 0
        buffer.append(CHUNK, ByteBuffer.wrap(PIECE)); // serial 2, chunk 1
        CompletableFuture<Void> flushed = CompletableFuture.runAsync(() -> {
            try {
                buffer.awaitFlushed(); // through serial 2
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (!buffer.flushWanted()) {
            Thread.onSpinWait();
        }
        Extent two = buffer.take(0, 1);
        buffer.append(CHUNK + 2L * PIECE.length, ByteBuffer.wrap(PIECE)); // serial 3, chunk 1
        buffer.append(2L * PIECE.length, ByteBuffer.wrap(PIECE)); // serial 4, chunk 0
        Extent three = buffer.take(0, 1);
        Extent one = buffer.take(0, 0);
        assertThat(List.of(two.serial(), three.serial(), one.serial())).containsExactly(2L, 3L, 1L);

        buffer.release(List.of(two));
        assertThat(buffer.flushWanted()).as("serial 1 is still on its way").isTrue();
        assertThat(flushed).isNotDone();
        buffer.release(List.of(one));
        flushed.get(10, TimeUnit.SECONDS);
        assertThat(buffer.hasData()).as("serials 3 and 4 are not part of that flush").isTrue();
    }
}
