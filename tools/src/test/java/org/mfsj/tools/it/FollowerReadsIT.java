package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.ReadSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.StatusReply;

/**
 * Followers serving reads (master HA) on a real three-master cluster: a client that asks for it
 * has its lookups, attributes and listings answered by a follower (counted by the followers
 * themselves), always sees its own changes, is refused changes on the read session, and goes on
 * reading when the follower it reads from is killed.
 */
class FollowerReadsIT {
    @TempDir
    Path tmp;

    @Test
    void aFollowerServesTheReadsOfAClientThatAsksAndTheClientReadsItsWrites() throws Exception {
        try (ClusterFixture f = new ClusterFixture(tmp.resolve("c"), List.of(), 3)) {
            MasterGroup group = new MasterGroup(f.cluster);
            String leader = group.awaitLeader(null, Duration.ofSeconds(15));
            ClientConfig cfg = ClientConfig.of(f.cluster.masterAddresses()).withClientInfo("reads-from-followers")
                    .withReadFromFollowers(true);
            try (MfsClient c = MfsClient.connect(cfg)) {
                long dir = c.mkdir(ClusterFixture.ROOT, c.rootInode(), "d", 0755).inode();
                awaitFollowerReads(c, dir);
                long before = c.metrics().followerReads();
                for (int i = 0; i < 100; i++) {
                    Attr made = c.mkdir(ClusterFixture.ROOT, dir, "n" + i, 0700);
                    assertThat(c.lookup(ClusterFixture.ROOT, dir, "n" + i).inode()).as("lookup right after mkdir " + i)
                            .isEqualTo(made.inode());
                    c.setattr(ClusterFixture.ROOT, made.inode(), SetAttrRequest.chmod(0750));
                    assertThat(c.getattr(made.inode()).mode() & 07777).as("mode right after chmod " + i)
                            .isEqualTo(0750);
                    assertThat(c.readdir(ClusterFixture.ROOT, dir, 0, 1000, false).entries()).as("listing " + i)
                            .hasSize(i + 1);
                }
                long served = c.metrics().followerReads() - before;
                System.out.printf("follower reads: %d of 300 answered by a follower, %d sent to the leader%n", served,
                        c.metrics().followerFallbacks());
                assertThat(served).as("reads a follower answered").isGreaterThan(150);
                long[] counts = readsServed(group, f);
                int leaderIndex = f.cluster.masterNames().indexOf(leader);
                assertThat(counts[leaderIndex]).as("reads the leader served on read sessions").isZero();
                int serving = counts[(leaderIndex + 1) % 3] > 0 ? (leaderIndex + 1) % 3 : (leaderIndex + 2) % 3;
                assertThat(counts[serving]).as("reads counted by the follower").isGreaterThanOrEqualTo(served);

                refusesChangesOnAReadSession(f.cluster.masterAddresses().get(serving));
                refusesAReadSessionAsLeader(f.cluster.masterAddresses().get(leaderIndex));

                f.cluster.kill9(f.cluster.masterNames().get(serving));
                for (int i = 0; i < 20; i++) {
                    c.mkdir(ClusterFixture.ROOT, dir, "after-kill-" + i, 0755);
                    assertThat(c.lookup(ClusterFixture.ROOT, dir, "after-kill-" + i).isDirectory())
                            .as("lookup after the follower's death").isTrue();
                }
                assertThat(c.readdir(ClusterFixture.ROOT, dir, 0, 1000, false).entries()).hasSize(120);
            }
        }
    }

    /** The client looks for a follower in the background: wait until one answered a read. */
    private static void awaitFollowerReads(MfsClient c, long dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (c.metrics().followerReads() == 0) {
            assertThat(System.nanoTime() - deadline).as("a follower answered a read within 15 s").isNegative();
            c.getattr(dir);
            Thread.sleep(50);
        }
    }

    private static long[] readsServed(MasterGroup group, ClusterFixture f) {
        long[] out = new long[f.cluster.masterNames().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = group.readsServed(i);
        }
        return out;
    }

    private static void refusesChangesOnAReadSession(ServerAddress follower) throws Exception {
        EventLoopGroup g = Transport.newGroup(1);
        Peer p = WireClient.connect(g, follower, ClientMasterProtocol.FAMILY, ClientMasterProtocol.FAMILY, (x, m) -> { },
                3000).get(3, TimeUnit.SECONDS);
        try {
            RegisterSessionReply open = p.call(id -> new ReadSession(id, "raw", "/", new byte[0]),
                    RegisterSessionReply.class, 3000).get(3, TimeUnit.SECONDS);
            assertThat(open.status()).isEqualTo(Status.OK);
            Reply change = p.call(id -> new Mkdir(id, Creds.ROOT, open.rootInode(), "sneaked", 0755, 1), Reply.class,
                    3000).get(3, TimeUnit.SECONDS);
            assertThat(change).isInstanceOf(StatusReply.class);
            assertThat(((StatusReply) change).status()).as("a change on a read session").isEqualTo(Status.NOT_LEADER);
        } finally {
            p.close();
            g.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
        }
    }

    private static void refusesAReadSessionAsLeader(ServerAddress leader) throws Exception {
        EventLoopGroup g = Transport.newGroup(1);
        Peer p = WireClient.connect(g, leader, ClientMasterProtocol.FAMILY, ClientMasterProtocol.FAMILY, (x, m) -> { },
                3000).get(3, TimeUnit.SECONDS);
        try {
            RegisterSessionReply open = p.call(id -> new ReadSession(id, "raw", "/", new byte[0]),
                    RegisterSessionReply.class, 3000).get(3, TimeUnit.SECONDS);
            assertThat(open.status()).as("a read session asked of the leader").isEqualTo(Status.EAGAIN);
        } finally {
            p.close();
            g.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
        }
    }
}
