package org.mfsj.chunkserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.chunkserver.store.StoreOptions;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.chunk2master.CreateChunk;
import org.mfsj.common.wire.chunk2master.CsChunkDamaged;
import org.mfsj.common.wire.chunk2master.CsChunksLost;
import org.mfsj.common.wire.chunk2master.ReplicateChunk;

/** Damaged copies and failed disks: found, dropped, reported, and the server goes on. */
class DamageTest {
    static final long CHUNK = 0xBAD;

    @TempDir
    Path root;
    TestCluster cluster;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(root);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private void write(ChunkserverServer cs, long chunk, byte[] data) throws Exception {
        assertThat(cluster.master.order(cs.serverId(), m -> new CreateChunk(m, chunk, 1))).isEqualTo(Status.OK);
        try (DataClient client = cluster.client(cs)) {
            assertThat(client.init(chunk, 1, List.of())).isEqualTo(Status.OK);
            assertThat(client.writePipelined(chunk, 0, data, 1 << 20)).containsOnly(Status.OK);
            assertThat(client.end(chunk)).isEqualTo(Status.OK);
        }
    }

    @Test
    void aReadOfAFlippedByteAnswersCrcErrorDropsTheCopyAndTellsTheMaster() throws Exception {
        ChunkserverServer cs = cluster.start("cs1");
        write(cs, CHUNK, TestBytes.random(21, 150_000));
        TestBytes.flipLastByte(TestBytes.chunkFile(cluster.dir("cs1"), CHUNK));

        try (DataClient client = cluster.client(cs)) {
            assertThat(client.read(CHUNK, 1, 140_000, 10_000).status()).isEqualTo(Status.CRC_ERROR);
            CsChunkDamaged report = cluster.master.awaitDamaged();
            assertThat(report.chunkId()).isEqualTo(CHUNK);
            assertThat(report.version()).isEqualTo(1);
            assertThat(client.read(CHUNK, 1, 0, 10).status()).isEqualTo(Status.NO_SUCH_CHUNK);
        }
        assertThat(TestBytes.hasChunkFile(cluster.dir("cs1"), CHUNK)).isFalse();
    }

    @Test
    void aWriteIntoADamagedBlockFindsTheDamageToo() throws Exception {
        ChunkserverServer cs = cluster.start("cs1");
        byte[] data = TestBytes.random(28, 100_000);
        write(cs, CHUNK, data);
        TestBytes.flipLastByte(TestBytes.chunkFile(cluster.dir("cs1"), CHUNK)); // in the second block

        try (DataClient client = cluster.client(cs)) {
            assertThat(client.init(CHUNK, 1, List.of())).isEqualTo(Status.OK);
            // overwrites part of the damaged block, so its old bytes must be read and checked
            Status s = client.data(CHUNK, 70_000, new byte[100]).get(20, java.util.concurrent.TimeUnit.SECONDS)
                    .status();
            assertThat(s).isEqualTo(Status.CRC_ERROR);
        }
        assertThat(cluster.master.awaitDamaged().chunkId()).isEqualTo(CHUNK);
        assertThat(TestBytes.hasChunkFile(cluster.dir("cs1"), CHUNK)).isFalse();
    }

    @Test
    void aDamagedSourceFailsReplicationAndIsReportedToo() throws Exception {
        ChunkserverServer source = cluster.start("source");
        ChunkserverServer target = cluster.start("target");
        write(source, CHUNK, TestBytes.random(22, 150_000));
        TestBytes.flipLastByte(TestBytes.chunkFile(cluster.dir("source"), CHUNK));

        assertThat(cluster.master.order(target.serverId(),
                m -> new ReplicateChunk(m, CHUNK, 1, TestCluster.address(source)))).isEqualTo(Status.CRC_ERROR);
        assertThat(cluster.master.awaitDamaged().chunkId()).isEqualTo(CHUNK);
        assertThat(TestBytes.hasChunkFile(cluster.dir("target"), CHUNK)).isFalse();
    }

    @Test
    void theScrubberFindsAFlippedByteByItself() throws Exception {
        ChunkserverServer cs = cluster.start("cs1", 1, 1, StoreOptions.defaults());
        write(cs, 0x1, TestBytes.random(23, 70_000));
        write(cs, CHUNK, TestBytes.random(24, 5 << 20));
        write(cs, 0x7777, TestBytes.random(25, 1000));
        TestBytes.flipLastByte(TestBytes.chunkFile(cluster.dir("cs1"), CHUNK));

        CsChunkDamaged report = cluster.master.awaitDamaged(); // nobody reads: only the scrubber can find it
        assertThat(report.chunkId()).isEqualTo(CHUNK);
        assertThat(TestBytes.hasChunkFile(cluster.dir("cs1"), CHUNK)).isFalse();
        try (DataClient client = cluster.client(cs)) {
            assertThat(client.read(0x7777, 1, 0, 1000).data()).isEqualTo(TestBytes.random(25, 1000));
        }
    }

    @Test
    void aFailedDiskIsReportedAsLostChunksAndTheOtherDiskServesOn() throws Exception {
        ChunkserverServer first = cluster.start("cs1", 2, 0, StoreOptions.defaults());
        write(first, CHUNK, TestBytes.random(26, 1000));
        first.close();
        Path bad = TestBytes.chunkFile(cluster.dir("cs1"), CHUNK);
        Path badDisk = cluster.disk("cs1", 1);
        if (!bad.startsWith(badDisk)) {
            badDisk = cluster.disk("cs1", 2);
        }
        Path failing = badDisk;
        StoreOptions options = StoreOptions.defaults().withOpener((path, opts) -> {
            if (path.startsWith(failing)) {
                throw new IOException("Input/output error (injected)");
            }
            return FileChannel.open(path, opts);
        });

        ChunkserverServer cs = cluster.start("cs1", 2, 0, options);
        try (DataClient client = cluster.client(cs)) {
            assertThat(client.read(CHUNK, 1, 0, 1000).status()).isEqualTo(Status.DISK_FAILED);
            CsChunksLost lost = cluster.master.awaitLost();
            assertThat(lost.chunkIds()).containsExactly(CHUNK);
        }
        byte[] data = TestBytes.random(27, 90_000);
        write(cs, 0x600D, data);
        try (DataClient client = cluster.client(cs)) {
            assertThat(client.readAll(0x600D, 1)).isEqualTo(data);
        }
    }
}
