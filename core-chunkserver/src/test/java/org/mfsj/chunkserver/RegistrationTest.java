package org.mfsj.chunkserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.chunkserver.store.StoreOptions;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkCopy;
import org.mfsj.common.types.DiskReport;
import org.mfsj.common.wire.chunk2master.CreateChunk;
import org.mfsj.common.wire.chunk2master.CsHeartbeat;
import org.mfsj.common.wire.chunk2master.SetChunkVersion;

class RegistrationTest {
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

    @Test
    void aRestartedServerRegistersItsChunksUnderTheSameId() throws Exception {
        ChunkserverServer cs = cluster.start("cs1", 2, 0, StoreOptions.defaults());
        long id = cs.serverId();
        assertThat(cluster.master.order(id, m -> new CreateChunk(m, 0x10, 1))).isEqualTo(Status.OK);
        assertThat(cluster.master.order(id, m -> new CreateChunk(m, 0x11, 1))).isEqualTo(Status.OK);
        assertThat(cluster.master.order(id, m -> new SetChunkVersion(m, 0x11, 1, 5))).isEqualTo(Status.OK);
        cs.close();

        ChunkserverServer again = ChunkserverServer.start(cluster.config("cs1", 2, 0));
        try {
            assertThat(again.serverId()).isEqualTo(id);
            FakeMaster.Registration r = cluster.master.awaitRegistration(id);
            assertThat(r.chunks()).containsExactlyInAnyOrder(new ChunkCopy(0x10, 1), new ChunkCopy(0x11, 5));
            assertThat(r.hello().dataAddress()).isEqualTo(TestCluster.address(again));
            assertThat(r.hello().disks()).extracting(DiskReport::path)
                    .containsExactlyInAnyOrder(cluster.disk("cs1", 1).toString(), cluster.disk("cs1", 2).toString());
        } finally {
            again.close();
        }
    }

    @Test
    void aServerRegistersAgainWhenTheMasterDropsIt() throws Exception {
        ChunkserverServer cs = cluster.start("cs1");
        assertThat(cluster.master.order(cs.serverId(), m -> new CreateChunk(m, 0x20, 3))).isEqualTo(Status.OK);

        cluster.master.disconnectAll();

        FakeMaster.Registration r = cluster.master.awaitRegistration(cs.serverId());
        assertThat(r.chunks()).containsExactly(new ChunkCopy(0x20, 3));
        // and it is in business again: orders work on the new connection
        assertThat(cluster.master.order(cs.serverId(), m -> new CreateChunk(m, 0x21, 1))).isEqualTo(Status.OK);
    }

    @Test
    void listeningEverywhereAnnouncesTheAddressThatReachesTheMaster() throws Exception {
        ChunkserverConfig loopback = cluster.config("cs1", 1, 0);
        ChunkserverConfig everywhere = new ChunkserverConfig(loopback.dataPath(), loopback.masterHost(),
                loopback.masterPort(), "*", 0, loopback.hddConfFile(), 0, 1, 2);
        try (ChunkserverServer cs = ChunkserverServer.start(everywhere)) {
            FakeMaster.Registration r = cluster.master.awaitRegistration(cs.serverId());
            assertThat(r.hello().dataAddress()).isEqualTo(TestCluster.address(cs));
        }
    }

    @Test
    void heartbeatsCarryTheDisks() throws Exception {
        cluster.start("cs1", 2, 0, StoreOptions.defaults());
        CsHeartbeat h = cluster.master.awaitHeartbeat();
        assertThat(h.disks()).hasSize(2).allSatisfy(d -> assertThat(d.failed()).isFalse());
        assertThat(List.copyOf(h.disks())).extracting(DiskReport::totalBytes).allSatisfy(t -> assertThat(t).isPositive());
    }
}
