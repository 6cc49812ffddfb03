package org.mfsj.client.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.ChunkGeometry;

/** Scattered writes: the writer gets its own chunk's extents first, and a flush still waits for every extent. */
class WriteBufferOrderTest {
    private static final long CHUNK = ChunkGeometry.CHUNK_SIZE;
    private static final byte[] PIECE = new byte[4096];

    private final WriteBuffer buffer = new WriteBuffer(1 << 20, () -> { });

    /** Writes at chunk 0, 1, 0, 1, 0, 1 (never contiguous, so six extents), serials 1..6. */
    private void scatter() throws Exception {
        for (int i = 0; i < 3; i++) {
            buffer.append(2L * i * PIECE.length, ByteBuffer.wrap(PIECE));
            buffer.append(CHUNK + 2L * i * PIECE.length, ByteBuffer.wrap(PIECE));
        }
    }

    @Test
    void theWritersChunkComesFirstInItsOwnOrderThenTheOldestOfTheRest() throws Exception {
        scatter();
        assertThat(buffer.take(0, 0).offset()).isEqualTo(0);
        assertThat(buffer.take(0, 0).offset()).isEqualTo(2L * PIECE.length);
        assertThat(buffer.take(0, 0).offset()).isEqualTo(4L * PIECE.length);
        assertThat(buffer.take(0, 0).offset()).as("chunk 0 drained: the head").isEqualTo(CHUNK);
        assertThat(buffer.take(0, -1).offset()).isEqualTo(CHUNK + 2L * PIECE.length);
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
