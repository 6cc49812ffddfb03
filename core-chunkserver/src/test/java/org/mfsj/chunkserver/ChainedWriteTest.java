package org.mfsj.chunkserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkCopy;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.LeakWatch;
import org.mfsj.common.wire.chunk2master.CreateChunk;
import org.mfsj.common.wire.client2chunk.ReadReply;
import org.mfsj.common.wire.client2chunk.WriteData;

@ExtendWith(LeakWatch.class)
class ChainedWriteTest {
    static final long CHUNK = 0xC0FFEE;

    @TempDir
    Path root;
    TestCluster cluster;
    ChunkserverServer a;
    ChunkserverServer b;
    ChunkserverServer c;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(root);
        a = cluster.start("a");
        b = cluster.start("b");
        c = cluster.start("c");
        for (ChunkserverServer s : List.of(a, b, c)) {
            assertThat(cluster.master.order(s.serverId(), m -> new CreateChunk(m, CHUNK, 1))).isEqualTo(Status.OK);
        }
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void dataWrittenToTheHeadReachesEveryServerOfTheChain() throws Exception {
        // several blocks, pieces that straddle block boundaries, all in flight at once
        byte[] data = TestBytes.random(1, 3 * ChunkGeometry.BLOCK_SIZE * 7 + 12_345);
        try (DataClient client = cluster.client(a)) {
            assertThat(client.init(CHUNK, 1, List.of(TestCluster.address(b), TestCluster.address(c))))
                    .isEqualTo(Status.OK);
            assertThat(client.writePipelined(CHUNK, 0, data, 100_000)).containsOnly(Status.OK);
            assertThat(client.end(CHUNK)).isEqualTo(Status.OK);
        }
        for (ChunkserverServer s : List.of(a, b, c)) {
            try (DataClient reader = cluster.client(s)) {
                assertThat(reader.readAll(CHUNK, 1)).as("copy on server %d", s.dataPort()).isEqualTo(data);
            }
        }
    }

    @Test
    void aNewChunkIsCreatedByEveryServerOfItsChainAndASyncedEndForcesEveryCopy() throws Exception {
        long fresh = CHUNK + 1;
        byte[] data = TestBytes.random(2, 4096);
        try (DataClient client = cluster.client(a)) {
            assertThat(client.initNew(fresh, 1, List.of(TestCluster.address(b), TestCluster.address(c))))
                    .isEqualTo(Status.OK);
            assertThat(client.writePipelined(fresh, 0, data, 4096)).containsOnly(Status.OK);
            assertThat(client.endSync(fresh)).isEqualTo(Status.OK);
            // a chunk that exists is not made again: the session is refused
            assertThat(client.initNew(CHUNK, 1, List.of(TestCluster.address(b)))).isNotEqualTo(Status.OK);
        }
        // every server tells the master of its new copy: a master that restarted since it answered the
        // client heard of it from no registration
        for (int i = 0; i < 3; i++) {
            ChunkCopy told = cluster.master.awaitAdded();
            assertThat(told.chunkId()).isEqualTo(fresh);
            assertThat(told.version()).isEqualTo(1);
        }
        for (ChunkserverServer s : List.of(a, b, c)) {
            try (DataClient reader = cluster.client(s)) {
                assertThat(reader.readAll(fresh, 1)).as("copy on server %d", s.dataPort()).isEqualTo(data);
                assertThat(reader.forceStats().onRequest()).as("forced on server %d", s.dataPort()).isEqualTo(1);
                assertThat(reader.forceStats().pending()).as("left pending on %d", s.dataPort()).isZero();
            }
        }
    }

    @Test
    void aSessionSentInOnePassReachesEveryServerAndARefusedStartFailsEverythingAfterIt() throws Exception {
        List<ServerAddress> rest = List.of(TestCluster.address(b), TestCluster.address(c));
        byte[] data = TestBytes.random(3, 5 * ChunkGeometry.BLOCK_SIZE + 777);
        try (DataClient client = cluster.client(a)) {
            assertThat(client.oneShotNew(CHUNK + 2, rest, data, 40_000)).containsOnly(Status.OK);
            // CHUNK exists everywhere: its WriteInitNew is refused, and so is what came with it
            List<Status> refused = client.oneShotNew(CHUNK, rest, data, 40_000);
            assertThat(refused).doesNotContain(Status.OK);
        }
        for (ChunkserverServer s : List.of(a, b, c)) {
            try (DataClient reader = cluster.client(s)) {
                assertThat(reader.readAll(CHUNK + 2, 1)).as("copy on server %d", s.dataPort()).isEqualTo(data);
                assertThat(reader.readAll(CHUNK, 1)).as("untouched on server %d", s.dataPort()).isEmpty();
            }
        }
    }

    /**
     * Full 1 MiB pieces are written and forwarded as slices of the frames read (one pooled
     * allocator for all three servers here): each copy must hold every piece as sent, in two
     * sessions one after the other, so the second session's frames land in memory the first one's
     * let go of.
     */
    @Test
    void forwardedFrameSlicesNeverMixPieces() throws Exception {
        int mib = WriteData.MAX_DATA;
        byte[] first = TestBytes.random(7, 6 * mib);
        byte[] second = TestBytes.random(8, 6 * mib);
        try (DataClient client = cluster.client(a)) {
            List<ServerAddress> chain = List.of(TestCluster.address(b), TestCluster.address(c));
            assertThat(client.init(CHUNK, 1, chain)).isEqualTo(Status.OK);
            assertThat(client.writePipelined(CHUNK, 0, first, mib)).containsOnly(Status.OK);
            assertThat(client.end(CHUNK)).isEqualTo(Status.OK);
            assertThat(client.init(CHUNK, 1, chain)).isEqualTo(Status.OK);
            assertThat(client.writePipelined(CHUNK, first.length, second, mib)).containsOnly(Status.OK);
            assertThat(client.end(CHUNK)).isEqualTo(Status.OK);
        }
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        for (ChunkserverServer s : List.of(a, b, c)) {
            try (DataClient reader = cluster.client(s)) {
                assertThat(reader.readAll(CHUNK, 1)).as("copy on server %d", s.dataPort()).isEqualTo(both);
            }
        }
    }

    @Test
    void oneConnectionCarriesOneSessionAfterAnother() throws Exception {
        byte[] first = TestBytes.random(2, 70_000);
        byte[] second = TestBytes.random(3, 50_000);
        try (DataClient client = cluster.client(a)) {
            assertThat(client.init(CHUNK, 1, List.of(TestCluster.address(b)))).isEqualTo(Status.OK);
            assertThat(client.writePipelined(CHUNK, 0, first, 30_000)).containsOnly(Status.OK);
            assertThat(client.end(CHUNK)).isEqualTo(Status.OK);
            assertThat(client.init(CHUNK, 1, List.of(TestCluster.address(b)))).isEqualTo(Status.OK);
            assertThat(client.writePipelined(CHUNK, first.length, second, 30_000)).containsOnly(Status.OK);
            assertThat(client.end(CHUNK)).isEqualTo(Status.OK);
        }
        assertThat(a.chainConnectionsOpened()).as("the second session reused the first one's connection to b")
                .isEqualTo(1);
        try (DataClient reader = cluster.client(b)) {
            byte[] copy = reader.readAll(CHUNK, 1);
            assertThat(copy).hasSize(first.length + second.length);
            assertThat(java.util.Arrays.copyOfRange(copy, first.length, copy.length)).isEqualTo(second);
        }
    }

    @Test
    void dataWithAWrongCrcIsRefusedAndNothingIsAcknowledged() throws Exception {
        byte[] data = TestBytes.random(4, 40_000);
        try (DataClient client = cluster.client(a)) {
            assertThat(client.init(CHUNK, 1, List.of(TestCluster.address(b), TestCluster.address(c))))
                    .isEqualTo(Status.OK);
            Status s = client.data(CHUNK, 0, data, TestBytes.crc(data) ^ 1).get(20, TimeUnit.SECONDS).status();
            assertThat(s).isEqualTo(Status.CRC_ERROR);
            assertThat(client.end(CHUNK)).isEqualTo(Status.CRC_ERROR);
        }
        for (ChunkserverServer s : List.of(a, b, c)) {
            try (DataClient reader = cluster.client(s)) {
                ReadReply r = reader.read(CHUNK, 1, 0, data.length);
                assertThat(r.status()).isEqualTo(Status.OK);
                assertThat(r.data()).as("nothing written on server %d", s.dataPort()).isEmpty();
            }
        }
    }

    /**
     * WriteEnd goes down the chain right behind the data, before the data is answered: an OK end
     * still means every server has every byte, and a piece refused below (here by its CRC, which
     * every server checks) still makes the end fail.
     */
    @Test
    void anEndSentBeforeTheDataIsAnsweredWaitsForItOnEveryServer() throws Exception {
        List<ServerAddress> rest = List.of(TestCluster.address(b), TestCluster.address(c));
        byte[] data = TestBytes.random(6, 9 * ChunkGeometry.BLOCK_SIZE + 321);
        try (DataClient client = cluster.client(a)) {
            assertThat(client.init(CHUNK, 1, rest)).isEqualTo(Status.OK);
            List<CompletableFuture<?>> pieces = new ArrayList<>();
            for (int off = 0; off < data.length; off += 50_000) {
                pieces.add(client.data(CHUNK, off, Arrays.copyOfRange(data, off, Math.min(data.length, off + 50_000))));
            }
            assertThat(client.endSync(CHUNK)).isEqualTo(Status.OK);
            assertThat(pieces).allMatch(CompletableFuture::isDone);

            assertThat(client.init(CHUNK, 1, rest)).isEqualTo(Status.OK);
            byte[] more = TestBytes.random(7, 30_000);
            var refused = client.data(CHUNK, data.length, more, TestBytes.crc(more) ^ 1);
            assertThat(client.end(CHUNK)).isEqualTo(Status.CRC_ERROR);
            assertThat(refused.get(20, TimeUnit.SECONDS).status()).isEqualTo(Status.CRC_ERROR);
        }
        for (ChunkserverServer s : List.of(a, b, c)) {
            try (DataClient reader = cluster.client(s)) {
                assertThat(reader.readAll(CHUNK, 1)).as("copy on server %d", s.dataPort()).isEqualTo(data);
            }
        }
    }

    @Test
    void aServerLostMidSessionMakesTheHeadAnswerAnError() throws Exception {
        byte[] data = TestBytes.random(5, 200_000);
        try (DataClient client = cluster.client(a)) {
            assertThat(client.init(CHUNK, 1, List.of(TestCluster.address(b), TestCluster.address(c))))
                    .isEqualTo(Status.OK);
            assertThat(client.writePipelined(CHUNK, 0, data, 64_000)).containsOnly(Status.OK);

            c.close();

            List<Status> after = client.writePipelined(CHUNK, data.length, data, 64_000);
            assertThat(after).doesNotContain(Status.OK);
            assertThat(client.end(CHUNK)).isNotEqualTo(Status.OK);
        }
    }

    @Test
    void aChainNamingAServerWithoutTheChunkIsRefusedAtInit() throws Exception {
        ChunkserverServer d = cluster.start("d"); // never told to create the chunk
        try (DataClient client = cluster.client(a)) {
            assertThat(client.init(CHUNK, 1, List.of(TestCluster.address(b), TestCluster.address(d))))
                    .isEqualTo(Status.NO_SUCH_CHUNK);
            assertThat(client.data(CHUNK, 0, new byte[10]).get(20, TimeUnit.SECONDS).status()).isNotEqualTo(Status.OK);
        }
        try (DataClient client = cluster.client(a)) {
            assertThat(client.init(CHUNK, 2, List.of())).isEqualTo(Status.WRONG_VERSION);
        }
    }
}
