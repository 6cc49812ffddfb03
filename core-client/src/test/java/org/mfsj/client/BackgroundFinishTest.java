package org.mfsj.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mfsj.client.fake.FakeChunkserver;
import org.mfsj.client.fake.Pattern;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.wire.client2master.WriteChunkEnd;

/**
 * A chunk's write session ends in the background while the next chunk streams: what a flush
 * waits for, and what happens when that background end fails.
 */
class BackgroundFinishTest extends OnFakeCluster {
    private static final int CHUNK = ChunkGeometry.CHUNK_SIZE;
    private static final int MIB = 1 << 20;

    @Test
    void aRefusedWriteEndOfAnEarlierChunkIsRedoneAndEverythingReadsBack() throws Exception {
        long size = 2L * CHUNK + 3 * MIB + 77;
        // the end of chunk 0 is finished while chunk 1 streams: that is the one refused
        cluster.cs(0).refuseNextFullChunkEnd(Status.DISK_FAILED);
        long inode = writeSequentially(client, "f", 51, 0, size);

        assertThat(client.metrics().writeRedos()).isPositive();
        assertThat(cluster.master.chunkEnds).extracting(WriteChunkEnd::writeStatus).contains(Status.DISK_FAILED);
        assertThat(cluster.master.overlappingWrites()).isZero();
        assertThat(client.getattr(inode).length()).isEqualTo(size);
        // a fresh client, with nothing buffered, reads what the chunkservers hold
        assertReadsBack(cluster.client(), inode, 51, 0, size);
    }

    @Test
    void aSmallBufferFullWhileTheBackgroundEndFailsStillWritesEverything() throws Exception {
        MfsClient small = cluster.client(cluster.config().withWriteBufferBytes(ClientConfig.MIN_WRITE_BUFFER_BYTES));
        cluster.cs(0).refuseNextFullChunkEnd(Status.EIO);
        long from = CHUNK - 5L * MIB;
        long to = 2L * CHUNK + 5L * MIB;
        long inode = writeSequentially(small, "small", 52, from, to);

        assertThat(small.metrics().writeRedos()).isPositive();
        assertThat(cluster.master.overlappingWrites()).isZero();
        assertReadsBack(cluster.client(), inode, 52, from, to);
    }

    @Test
    void flushWaitsUntilTheBackgroundEndIsRecorded() throws Exception {
        long inode = client.create(ME, client.rootInode(), "f", 0644).inode();
        long from = CHUNK - MIB;
        long to = CHUNK + MIB;
        FakeChunkserver.Hold hold = cluster.cs(0).holdWriteEnds();
        try (FileHandle h = client.open(ME, inode, true)) {
            byte[] data = Pattern.bytes(53, from, (int) (to - from));
            h.write(from, data, 0, data.length);
            CompletableFuture<Void> flushed = CompletableFuture.runAsync(() -> {
                try {
                    h.flush();
                } catch (MfsException e) {
                    throw new IllegalStateException(e);
                }
            });
            hold.arrived().get(10, TimeUnit.SECONDS);
            // chunk 0's end is held on its chain: nothing may count as flushed yet
            assertThat(flushed).isNotDone();
            assertThat(recordedLength()).isLessThan(to);

            hold.release().complete(null);
            flushed.get(10, TimeUnit.SECONDS);
            assertThat(recordedLength()).isEqualTo(to);
        }
        assertThat(cluster.master.overlappingWrites()).isZero();
        assertReadsBack(cluster.client(), inode, 53, from, to);
    }

    @Test
    void closeReportsABackgroundEndTheMasterRefused() throws Exception {
        long inode = client.create(ME, client.rootInode(), "f", 0644).inode();
        // a master refusal is final: the data cannot be recorded and the application must hear so
        cluster.master.failChunkEndAt(CHUNK, Status.ENOSPC);
        FileHandle h = client.open(ME, inode, true);
        byte[] data = Pattern.bytes(54, 0, CHUNK + MIB);
        h.write(0, data, 0, data.length);
        assertThatThrownBy(h::close).isInstanceOfSatisfying(MfsException.class,
                e -> assertThat(e.status()).isEqualTo(Status.ENOSPC));
        assertThat(cluster.master.overlappingWrites()).isZero();
    }

    private long recordedLength() {
        return cluster.master.chunkEnds.stream().filter(e -> e.writeStatus().isOk())
                .mapToLong(WriteChunkEnd::newLength).max().orElse(0);
    }

    private static long writeSequentially(MfsClient c, String name, long seed, long from, long to) throws Exception {
        long inode = c.create(ME, c.rootInode(), name, 0644).inode();
        try (FileHandle h = c.open(ME, inode, true)) {
            // an odd piece size, so pieces straddle cells and chunk boundaries
            byte[] buf = new byte[MIB + 4099];
            for (long pos = from; pos < to; ) {
                int n = (int) Math.min(buf.length, to - pos);
                Pattern.fill(seed, pos, buf, 0, n);
                h.write(pos, buf, 0, n);
                pos += n;
            }
        }
        return inode;
    }

    private static void assertReadsBack(MfsClient c, long inode, long seed, long from, long to) throws Exception {
        try (FileHandle h = c.open(ME, inode, false)) {
            assertThat(h.length()).isEqualTo(to);
            byte[] got = new byte[MIB];
            byte[] want = new byte[MIB];
            for (long pos = from; pos < to; ) {
                int n = h.read(pos, got, 0, (int) Math.min(got.length, to - pos));
                assertThat(n).as("read at %d", pos).isPositive();
                Pattern.fill(seed, pos, want, 0, n);
                assertThat(java.util.Arrays.equals(got, 0, n, want, 0, n)).as("bytes at %d", pos).isTrue();
                pos += n;
            }
        }
    }
}
