package org.mfsj.chunkserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
    void aMasterOfAnOlderTermThanOneRegisteredUnderIsRefusedAcrossARestart() throws Exception {
        ChunkserverServer cs = cluster.start("cs1");
        long id = cs.serverId();
        assertThat(cluster.master.order(id, m -> new CreateChunk(m, 0x30, 1))).isEqualTo(Status.OK);
        cluster.master.term(7);
        cluster.master.disconnectAll();
        cluster.master.awaitRegistration(id);
        Path fence = cluster.config("cs1", 1, 0).dataPath().resolve("master.term");
        assertThat(Files.readString(fence).strip()).as("the newest term, kept on disk").isEqualTo("7");
        cs.close();

        // a deposed master (term 6) answers the port: the restarted server asks, is told 6, and goes
        cluster.master.term(6);
        cluster.master.forgetHellos();
        ChunkserverServer again = ChunkserverServer.start(cluster.config("cs1", 1, 0));
        try {
            cluster.master.awaitHello();
            cluster.master.awaitHello();
            assertThat(cluster.master.registrationPending()).as("registered with a master of term 6").isFalse();
            cluster.master.term(8);
            FakeMaster.Registration r = cluster.master.awaitRegistration(id);
            assertThat(r.chunks()).containsExactly(new ChunkCopy(0x30, 1));
            assertThat(Files.readString(fence).strip()).isEqualTo("8");
            assertThat(cluster.master.order(id, m -> new SetChunkVersion(m, 0x30, 1, 2))).isEqualTo(Status.OK);
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
