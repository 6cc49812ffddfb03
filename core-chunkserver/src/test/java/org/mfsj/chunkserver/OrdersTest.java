package org.mfsj.chunkserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.chunk2master.CreateChunk;
import org.mfsj.common.wire.chunk2master.DeleteChunk;
import org.mfsj.common.wire.chunk2master.DuplicateChunk;
import org.mfsj.common.wire.chunk2master.SetChunkVersion;
import org.mfsj.common.wire.chunk2master.TruncateChunk;

/** The master's orders other than replication, checked through what clients then read. */
class OrdersTest {
    static final long CHUNK = 0xABCDEF0123L;

    @TempDir
    Path root;
    TestCluster cluster;
    ChunkserverServer cs;
    long id;
    byte[] data = TestBytes.random(7, 200_000);

    @BeforeEach
    void setUp() throws Exception {
        cluster = new TestCluster(root);
        cs = cluster.start("cs1");
        id = cs.serverId();
        assertThat(cluster.master.order(id, m -> new CreateChunk(m, CHUNK, 1))).isEqualTo(Status.OK);
        try (DataClient client = cluster.client(cs)) {
            assertThat(client.init(CHUNK, 1, List.of())).isEqualTo(Status.OK);
            assertThat(client.writePipelined(CHUNK, 0, data, 65_536)).containsOnly(Status.OK);
            assertThat(client.end(CHUNK)).isEqualTo(Status.OK);
        }
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void creatingAChunkTwiceIsRefused() throws Exception {
        assertThat(cluster.master.order(id, m -> new CreateChunk(m, CHUNK, 1))).isEqualTo(Status.CHUNK_EXISTS);
    }

    @Test
    void afterAVersionChangeTheOldVersionIsWrong() throws Exception {
        assertThat(cluster.master.order(id, m -> new SetChunkVersion(m, CHUNK, 1, 2))).isEqualTo(Status.OK);
        try (DataClient client = cluster.client(cs)) {
            assertThat(client.read(CHUNK, 1, 0, 100).status()).isEqualTo(Status.WRONG_VERSION);
            assertThat(client.readAll(CHUNK, 2)).isEqualTo(data);
        }
        assertThat(cluster.master.order(id, m -> new SetChunkVersion(m, CHUNK, 1, 3))).isEqualTo(Status.WRONG_VERSION);
    }

    @Test
    void deleteRemovesTheCopy() throws Exception {
        assertThat(cluster.master.order(id, m -> new DeleteChunk(m, CHUNK, 9))).isEqualTo(Status.WRONG_VERSION);
        assertThat(cluster.master.order(id, m -> new DeleteChunk(m, CHUNK, 1))).isEqualTo(Status.OK);
        try (DataClient client = cluster.client(cs)) {
            assertThat(client.read(CHUNK, 1, 0, 100).status()).isEqualTo(Status.NO_SUCH_CHUNK);
        }
        assertThat(TestBytes.hasChunkFile(cluster.dir("cs1"), CHUNK)).isFalse();
        assertThat(cluster.master.order(id, m -> new DeleteChunk(m, CHUNK, 0))).isEqualTo(Status.NO_SUCH_CHUNK);
    }

    @Test
    void deleteWithVersionZeroTakesAnyVersion() throws Exception {
        assertThat(cluster.master.order(id, m -> new DeleteChunk(m, CHUNK, 0))).isEqualTo(Status.OK);
        try (DataClient client = cluster.client(cs)) {
            assertThat(client.read(CHUNK, 1, 0, 100).status()).isEqualTo(Status.NO_SUCH_CHUNK);
        }
    }

    @Test
    void truncateCutsAndExtendsUnderANewVersion() throws Exception {
        assertThat(cluster.master.order(id, m -> new TruncateChunk(m, CHUNK, 1, 2, 100_000))).isEqualTo(Status.OK);
        try (DataClient client = cluster.client(cs)) {
            assertThat(client.read(CHUNK, 1, 0, 10).status()).isEqualTo(Status.WRONG_VERSION);
            assertThat(client.readAll(CHUNK, 2)).isEqualTo(Arrays.copyOf(data, 100_000));
        }
        assertThat(cluster.master.order(id, m -> new TruncateChunk(m, CHUNK, 2, 3, 150_000))).isEqualTo(Status.OK);
        try (DataClient client = cluster.client(cs)) {
            byte[] expected = Arrays.copyOf(Arrays.copyOf(data, 100_000), 150_000); // zeros past the cut
            assertThat(client.readAll(CHUNK, 3)).isEqualTo(expected);
        }
    }

    @Test
    void duplicateMakesAnIndependentCopyUnderANewIdAndVersion() throws Exception {
        long copy = CHUNK + 1;
        assertThat(cluster.master.order(id, m -> new DuplicateChunk(m, CHUNK, 2, copy, 1)))
                .isEqualTo(Status.WRONG_VERSION);
        assertThat(cluster.master.order(id, m -> new DuplicateChunk(m, CHUNK, 1, copy, 1))).isEqualTo(Status.OK);
        assertThat(cluster.master.order(id, m -> new DuplicateChunk(m, CHUNK, 1, copy, 1)))
                .isEqualTo(Status.CHUNK_EXISTS);
        try (DataClient client = cluster.client(cs)) {
            assertThat(client.readAll(copy, 1)).isEqualTo(data);
            assertThat(client.init(copy, 1, List.of())).isEqualTo(Status.OK);
            assertThat(client.writePipelined(copy, 0, new byte[65_536], 65_536)).containsOnly(Status.OK);
            assertThat(client.end(copy)).isEqualTo(Status.OK);
            assertThat(client.readAll(CHUNK, 1)).isEqualTo(data);
            assertThat(client.read(copy, 1, 0, 10).data()).containsOnly(0);
        }
    }

    @Test
    void readsBeyondTheLimitAreRefusedNotCutShort() throws Exception {
        try (DataClient client = cluster.client(cs)) {
            assertThat(client.read(CHUNK, 1, 0, (4 << 20) + 1).status()).isEqualTo(Status.OUT_OF_RANGE);
            assertThat(client.read(CHUNK, 1, 150_000, 100_000).data()).hasSize(50_000);
        }
    }
}
