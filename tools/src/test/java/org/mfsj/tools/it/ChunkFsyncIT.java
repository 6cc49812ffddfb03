package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2chunk.ClientChunkProtocol;
import org.mfsj.common.wire.client2chunk.ForceStats;
import org.mfsj.common.wire.client2chunk.ForceStatsReply;
import org.mfsj.tools.cluster.LocalCluster;

/**
 * When written data reaches the disks of real chunkserver processes. The three servers run with
 * different CHUNK_FSYNC_DELAY_MS: 1 with a delay longer than the test (only a request forces),
 * 2 with a few seconds (the background force), 3 with 0 (forced at every session end). Every file
 * has goal 3, so every chunk has a copy on each; each server's force counters are read over its
 * data port (ForceStats) before and after each step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChunkFsyncIT {
    private static final int[] DELAY_MS = {600_000, 3_000, 0};
    private static final int CHUNKS = 2;

    @TempDir
    static Path tmp;
    private static ClusterFixture fx;
    private static EventLoopGroup group;

    @BeforeAll
    static void startCluster() throws Exception {
        fx = new ClusterFixture(tmp.resolve("cluster"));
        group = Transport.newGroup(1);
        for (int i = 1; i <= LocalCluster.CHUNKSERVERS; i++) {
            setDelay(i, DELAY_MS[i - 1]);
        }
        fx.cluster.waitReady(Duration.ofSeconds(60));
    }

    /** Restarts chunkserver {@code i} with the delay added to its config file. */
    private static void setDelay(int i, int delayMs) throws Exception {
        String name = LocalCluster.chunkserverName(i);
        fx.cluster.stop(name);
        Files.writeString(fx.cluster.layout().config(name + ".cfg"), "CHUNK_FSYNC_DELAY_MS = " + delayMs + "\n",
                StandardOpenOption.APPEND);
        fx.cluster.start(name);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (fx != null) {
            fx.close();
        }
    }

    private static ForceStatsReply stats(int server) throws Exception {
        Peer p = WireClient.connect(group, fx.cluster.chunkserverAddress(server), ClientChunkProtocol.FAMILY,
                ClientChunkProtocol.FAMILY, (from, m) -> { }, 10_000).get(20, TimeUnit.SECONDS);
        try {
            return p.call(ForceStats::new, ForceStatsReply.class, 10_000).get(20, TimeUnit.SECONDS);
        } finally {
            p.close();
        }
    }

    /** Counters of server {@code i} since {@code before}; the pending count is the current one. */
    private static ForceStatsReply since(int server, ForceStatsReply before) throws Exception {
        ForceStatsReply now = stats(server);
        return new ForceStatsReply(0, now.atSessionEnd() - before.atSessionEnd(),
                now.background() - before.background(), now.onRequest() - before.onRequest(), now.pending());
    }

    /** A goal-3 file with 1 MiB at the start of each of its {@link #CHUNKS} chunks, written and closed. */
    private static long writeAndClose(String name) throws Exception {
        MfsClient c = fx.client();
        Attr f = c.create(ClusterFixture.ROOT, c.rootInode(), name, 0644);
        c.setGoal(ClusterFixture.ROOT, f.inode(), 3, false);
        byte[] data = new byte[1 << 20];
        new java.util.Random(name.hashCode()).nextBytes(data);
        try (FileHandle h = c.open(ClusterFixture.ROOT, f.inode(), true)) {
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                h.write((long) chunk * ChunkGeometry.CHUNK_SIZE, data, 0, data.length);
            }
        }
        return f.inode();
    }

    private static void fsync(long inode) throws Exception {
        try (FileHandle h = fx.client().open(ClusterFixture.ROOT, inode, false)) {
            h.fsync();
        }
    }

    @Test
    @Order(1)
    void closeForcesOnlyWhereTheDelayIsZeroAndFsyncForcesEveryCopy() throws Exception {
        ForceStatsReply[] before = {stats(1), stats(2), stats(3)};
        long inode = writeAndClose("closed");

        ForceStatsReply none = since(1, before[0]);
        assertThat(none.atSessionEnd() + none.background() + none.onRequest()).as("forces on server 1 at close")
                .isZero();
        assertThat(none.pending()).as("chunks left unforced on server 1").isEqualTo(CHUNKS);
        assertThat(since(2, before[1]).atSessionEnd()).as("server 2 forces later, not at session end").isZero();
        assertThat(since(3, before[2]).atSessionEnd()).as("server 3 forced every session end")
                .isGreaterThanOrEqualTo(CHUNKS);

        fsync(inode);
        ForceStatsReply one = since(1, before[0]);
        assertThat(one.onRequest()).as("chunks forced on server 1 by the fsync").isEqualTo(CHUNKS);
        assertThat(one.pending()).isZero();
        ForceStatsReply two = since(2, before[1]);
        // at least: on a slow machine a chunk may have been forced in time and then written again
        assertThat(two.background() + two.onRequest()).as("chunks forced on server 2, by fsync or in time")
                .isGreaterThanOrEqualTo(CHUNKS);
        assertThat(two.pending()).isZero();
        assertThat(since(3, before[2]).onRequest()).as("nothing left to force on server 3").isZero();
    }

    @Test
    @Order(2)
    void withoutFsyncTheServerWithADelayForcesInTheBackground() throws Exception {
        ForceStatsReply before = stats(2);
        ForceStatsReply waiting = stats(1);
        writeAndClose("background");
        ClusterFixture.await("server 2 forcing both chunks on its own", Duration.ofSeconds(60), () -> {
            try {
                ForceStatsReply s = since(2, before);
                return s.background() >= CHUNKS && s.pending() == 0;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(since(2, before).onRequest()).isZero();
        ForceStatsReply one = since(1, waiting);
        assertThat(one.background()).as("server 1's delay is longer than this test").isZero();
        assertThat(one.pending()).isEqualTo(waiting.pending() + CHUNKS);
    }

    @Test
    @Order(3)
    void aServerKilledBeforeFsyncFailsItOnceAndTheRetrySucceedsWithTheOthersForced() throws Exception {
        long inode = writeAndClose("killed");
        fx.cluster.kill9(LocalCluster.chunkserverName(1));
        try {
            assertThatThrownBy(() -> fsync(inode)).isInstanceOf(MfsException.class)
                    .satisfies(e -> assertThat(((MfsException) e).status()).isEqualTo(Status.EIO))
                    .hasMessageContaining(fx.cluster.chunkserverAddress(1).toString());
            assertThat(stats(2).pending()).as("server 2 forced the file's chunks all the same").isZero();
            assertThat(stats(3).pending()).isZero();
            fsync(inode);
        } finally {
            fx.cluster.start(LocalCluster.chunkserverName(1));
        }
    }
}
