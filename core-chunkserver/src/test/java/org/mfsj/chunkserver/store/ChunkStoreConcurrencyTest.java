package org.mfsj.chunkserver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mfsj.chunkserver.store.TestData.bytes;
import static org.mfsj.chunkserver.store.TestData.crc;
import static org.mfsj.chunkserver.store.TestData.read;
import static org.mfsj.common.types.ChunkGeometry.BLOCK_SIZE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers append to their own chunks (half blocks, so the read-modify-write path runs too) while
 * readers check every block that a writer has finished. Fewer open-file slots than chunks keep
 * the cache evicting under load.
 */
class ChunkStoreConcurrencyTest {
    private static final int CHUNKS = 6;
    private static final int BLOCKS = 40;
    private static final int READERS = 4;
    private static final int OPEN_LIMIT = 3;

    @TempDir
    Path a;
    @TempDir
    Path b;

    private static byte[] block(int chunk, int blk) {
        return bytes(chunk * 10_000L + blk, BLOCK_SIZE);
    }

    @Test
    void writersOnDifferentChunksAndReadersSeeConsistentData() throws Exception {
        StoreOptions options = StoreOptions.defaults().withMaxOpenChunks(OPEN_LIMIT);
        AtomicIntegerArray done = new AtomicIntegerArray(CHUNKS);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CHUNKS + READERS);
        try (ChunkStore store = ChunkStore.open(List.of(DiskSpec.of(a), DiskSpec.of(b)), options)) {
            for (int c = 0; c < CHUNKS; c++) {
                store.create(c, 1);
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int c = 0; c < CHUNKS; c++) {
                int chunk = c;
                writers.add(pool.submit(() -> {
                    start.await();
                    writeChunk(store, chunk, done);
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                long seed = r;
                readers.add(pool.submit(() -> {
                    start.await();
                    return readWhileWriting(store, done, writing, new Random(seed));
                }));
            }
            start.countDown();
            for (Future<?> w : writers) {
                w.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Integer> r : readers) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isPositive();
            }
            for (int c = 0; c < CHUNKS; c++) {
                byte[] all = read(store, c, 1, 0, BLOCKS * BLOCK_SIZE);
                for (int blk = 0; blk < BLOCKS; blk++) {
                    assertThat(Arrays.copyOfRange(all, blk * BLOCK_SIZE, (blk + 1) * BLOCK_SIZE))
                            .as("chunk %d block %d", c, blk).isEqualTo(block(c, blk));
                }
            }
            assertThat(store.openFileCount()).isLessThanOrEqualTo(OPEN_LIMIT + CHUNKS + READERS);
            assertThat(store.disks()).allSatisfy(d -> assertThat(d.chunkCount()).isPositive());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeChunk(ChunkStore store, int chunk, AtomicIntegerArray done) throws Exception {
        int half = BLOCK_SIZE / 2;
        for (int blk = 0; blk < BLOCKS; blk++) {
            byte[] data = block(chunk, blk);
            int at = blk * BLOCK_SIZE;
            if (blk % 2 == 0) {
                store.write(chunk, 1, at, data, 0, BLOCK_SIZE, crc(data));
            } else {
                store.write(chunk, 1, at, data, 0, half, crc(data, 0, half));
                store.write(chunk, 1, at + half, data, half, half, crc(data, half, half));
            }
            done.set(chunk, blk + 1);
        }
    }

    /** Returns how many checks it made; fails the test on the first wrong byte. */
    private static int readWhileWriting(ChunkStore store, AtomicIntegerArray done, AtomicBoolean writing,
                                        Random rnd) throws Exception {
        int checks = 0;
        while (writing.get() || checks < 50) {
            int chunk = rnd.nextInt(CHUNKS);
            int finished = done.get(chunk);
            if (finished == 0) {
                Thread.onSpinWait();
                continue;
            }
            int blk = rnd.nextInt(finished);
            int skew = rnd.nextInt(BLOCK_SIZE); // reads that straddle two finished blocks when possible
            int off = blk * BLOCK_SIZE + (blk + 1 < finished ? skew : 0);
            byte[] got = read(store, chunk, 1, off, BLOCK_SIZE);
            assertThat(got.length).isEqualTo(BLOCK_SIZE);
            byte[] expected = new byte[BLOCK_SIZE];
            int first = BLOCK_SIZE - (off - blk * BLOCK_SIZE);
            System.arraycopy(block(chunk, blk), off - blk * BLOCK_SIZE, expected, 0, first);
            if (first < BLOCK_SIZE) {
                System.arraycopy(block(chunk, blk + 1), 0, expected, first, BLOCK_SIZE - first);
            }
            assertThat(got).as("chunk %d at %d", chunk, off).isEqualTo(expected);
            checks++;
        }
        return checks;
    }
}
