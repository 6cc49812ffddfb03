package org.mfsj.chunkserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkCopy;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireServer;
import org.mfsj.common.wire.chunk2chunk.ChunkChunkProtocol;
import org.mfsj.common.wire.chunk2master.CreateChunk;
import org.mfsj.common.wire.chunk2master.ReplicateChunk;

class ReplicationTest {
    static final long CHUNK = 0x5EED;

    @TempDir
    Path root;
    TestCluster cluster;
    ChunkserverServer source;
    ChunkserverServer target;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(root);
        source = cluster.start("source");
        target = cluster.start("target");
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private void write(long chunk, byte[] data) throws Exception {
        assertThat(cluster.master.order(source.serverId(), m -> new CreateChunk(m, chunk, 4))).isEqualTo(Status.OK);
        try (DataClient client = cluster.client(source)) {
            assertThat(client.init(chunk, 4, List.of())).isEqualTo(Status.OK);
            assertThat(client.writePipelined(chunk, 0, data, 1 << 20)).allMatch(Status::isOk);
            assertThat(client.end(chunk)).isEqualTo(Status.OK);
        }
    }

    @Test
    void aReplicaIsAnIdenticalCopyAndIsReported() throws Exception {
        byte[] data = TestBytes.random(11, 9 * (1 << 20) + 4321); // three pieces, the last one short
        write(CHUNK, data);

        Status s = cluster.master.order(target.serverId(),
                m -> new ReplicateChunk(m, CHUNK, 4, TestCluster.address(source)));

        assertThat(s).isEqualTo(Status.OK);
        assertThat(cluster.master.awaitAdded()).isEqualTo(new ChunkCopy(CHUNK, 4));
        try (DataClient client = cluster.client(target)) {
            assertThat(client.readAll(CHUNK, 4)).isEqualTo(data);
        }
    }

    @Test
    void anEmptyChunkReplicates() throws Exception {
        write(CHUNK, new byte[0]);
        assertThat(cluster.master.order(target.serverId(),
                m -> new ReplicateChunk(m, CHUNK, 4, TestCluster.address(source)))).isEqualTo(Status.OK);
        try (DataClient client = cluster.client(target)) {
            assertThat(client.readAll(CHUNK, 4)).isEmpty();
        }
    }

    @Test
    void aStaleLocalCopyIsReplaced() throws Exception {
        byte[] data = TestBytes.random(12, 300_000);
        write(CHUNK, data);
        assertThat(cluster.master.order(target.serverId(), m -> new CreateChunk(m, CHUNK, 1))).isEqualTo(Status.OK);

        assertThat(cluster.master.order(target.serverId(),
                m -> new ReplicateChunk(m, CHUNK, 4, TestCluster.address(source)))).isEqualTo(Status.OK);

        try (DataClient client = cluster.client(target)) {
            assertThat(client.read(CHUNK, 1, 0, 10).status()).isEqualTo(Status.WRONG_VERSION);
            assertThat(client.readAll(CHUNK, 4)).isEqualTo(data);
        }
    }

    @Test
    void aSecondOrderForAChunkBeingCopiedIsRefusedAsBusy() throws Exception {
        CompletableFuture<Peer> asked = new CompletableFuture<>();
        try (WireServer silent = WireServer.bind(cluster.group, "127.0.0.1", 0, ChunkChunkProtocol.FAMILY,
                ChunkChunkProtocol.FAMILY, () -> (peer, m) -> asked.complete(peer))) {
            ServerAddress at = new ServerAddress("127.0.0.1", silent.port());
            CompletableFuture<Status> first = cluster.master.orderAsync(target.serverId(),
                    m -> new ReplicateChunk(m, CHUNK, 4, at));
            assertThat(cluster.master.order(target.serverId(), m -> new ReplicateChunk(m, CHUNK, 4, at)))
                    .isEqualTo(Status.CHUNK_BUSY);

            asked.get(20, TimeUnit.SECONDS).close(); // the source goes away without answering
            assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(Status.DISCONNECTED);
        }
        assertThat(TestBytes.hasChunkFile(cluster.dir("target"), CHUNK)).isFalse();
    }

    @Test
    void anUnfinishedReplicaIsRemovedAtTheNextStart() throws Exception {
        // a copy still at the in-progress version is what a crash in mid-replication leaves behind
        assertThat(cluster.master.order(target.serverId(), m -> new CreateChunk(m, CHUNK, 0))).isEqualTo(Status.OK);
        assertThat(cluster.master.order(target.serverId(), m -> new CreateChunk(m, 0x77, 1))).isEqualTo(Status.OK);
        target.close();

        try (ChunkserverServer again = ChunkserverServer.start(cluster.config("target", 1, 0))) {
            FakeMaster.Registration r = cluster.master.awaitRegistration(again.serverId());
            assertThat(r.chunks()).containsExactly(new ChunkCopy(0x77, 1));
            assertThat(TestBytes.hasChunkFile(cluster.dir("target"), CHUNK)).isFalse();
            assertThat(TestBytes.hasChunkFile(cluster.dir("target"), 0x77)).isTrue();
        }
    }

    @Test
    void aFailedReplicationLeavesNoPartialCopy() throws Exception {
        write(CHUNK, TestBytes.random(13, 100_000));
        // the source has version 4, not 7
        assertThat(cluster.master.order(target.serverId(),
                m -> new ReplicateChunk(m, CHUNK, 7, TestCluster.address(source)))).isEqualTo(Status.WRONG_VERSION);
        // a source that has gone away
        ChunkserverServer gone = cluster.start("gone");
        ServerAddress goneAt = TestCluster.address(gone);
        gone.close();
        assertThat(cluster.master.order(target.serverId(), m -> new ReplicateChunk(m, CHUNK, 4, goneAt)))
                .isEqualTo(Status.DISCONNECTED);
        try (DataClient client = cluster.client(target)) {
            assertThat(client.read(CHUNK, 4, 0, 10).status()).isEqualTo(Status.NO_SUCH_CHUNK);
        }
        assertThat(TestBytes.hasChunkFile(cluster.dir("target"), CHUNK)).isFalse();
    }
}
