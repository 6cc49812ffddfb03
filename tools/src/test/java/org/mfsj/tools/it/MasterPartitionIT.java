package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2master.MasterRoleReply;
import org.mfsj.tools.cluster.LocalCluster;

/**
 * A partition, master HA: every link between the leader and the other masters goes through a TCP
 * proxy, and the proxies are cut. Clients still reach every master. Writes go on on the majority
 * side (a new leader); the isolated master steps down by itself and acknowledges nothing, even to
 * a client pinned to it, and answers that client no read older than the new leader's writes (its
 * read lease ran out before the others could elect anyone). Once healed it follows the new leader
 * and holds its data, and, having asked in vain to stand while cut off (pre-vote), it did not raise
 * its term, so the new leader leads on in the same term.
 */
class MasterPartitionIT {
    private static final int MASTERS = 3;

    @TempDir
    Path tmp;

    @Test
    void onlyTheMajoritySideAcknowledgesWrites() throws Exception {
        LocalCluster cluster = new LocalCluster(tmp.resolve("c"), new PrintStream(PrintStream.nullOutputStream()),
                List.of(), false, MASTERS);
        ProxiedMasters proxies = new ProxiedMasters(cluster);
        try {
            cluster.up(Duration.ofSeconds(90));
            MasterGroup group = new MasterGroup(cluster);
            String old = group.awaitLeader(null, Duration.ofSeconds(15));
            int isolated = cluster.masterNames().indexOf(old);
            ServerAddress oldAddress = cluster.masterAddresses().get(isolated);
            try (MfsClient c = MfsClient.connect(ClientConfig.of(cluster.masterAddresses()).withClientInfo("it"));
                    MfsClient pinned = MfsClient.connect(ClientConfig.of(List.of(oldAddress)).withClientInfo("pinned")
                            .withCallTimeout(Duration.ofSeconds(2)).withMasterGoneTimeout(Duration.ofSeconds(6)))) {
                long dir = c.mkdir(ClusterFixture.ROOT, c.rootInode(), "d", 0755).inode();
                pinned.getattr(dir);
                proxies.isolate(isolated, true);
                String next = group.awaitLeader(old, Duration.ofSeconds(15));
                // a client of the new leader only: one bound to the old one would wait until it steps down
                try (MfsClient atNext = MfsClient.connect(ClientConfig.of(List.of(group.address(next)))
                        .withClientInfo("next"))) {
                    atNext.mkdir(ClusterFixture.ROOT, dir, "majority-" + next, 0755);
                }
                long nextTerm = group.roles().get(cluster.masterNames().indexOf(next)).term();
                assertNoStaleRead(pinned, dir, "majority-" + next);
                Throwable stale = catchThrowable(() -> pinned.mkdir(ClusterFixture.ROOT, dir, "minority", 0755));
                assertThat(stale).as("a write to the cut-off master").isInstanceOf(MfsException.class);
                MasterRoleReply cutOff = group.roles().get(isolated);
                assertThat(cutOff.role()).as("the cut-off master stepped down").isNotEqualTo("leader");
                proxies.isolate(isolated, false);
                group.awaitInStep(Duration.ofSeconds(60));
                assertThat(group.roles().get(isolated).role()).isEqualTo("follower");
                assertThat(group.awaitLeader(null, Duration.ofSeconds(5))).as("the leader after the heal").isEqualTo(next);
                assertThat(group.roles().get(cluster.masterNames().indexOf(next)).term())
                        .as("the term after the heal: the cut-off master did not raise it").isEqualTo(nextTerm);
                assertThat(c.readdir(ClusterFixture.ROOT, dir, 0, 100, false).entries()).extracting(e -> e.name())
                        .contains("majority-" + next).doesNotContain("minority");
            }
        } finally {
            cluster.down();
            proxies.close();
        }
    }

    /**
     * Reads through the client pinned to the cut-off master for a while: each answer it gets must
     * show {@code written}, the new leader's change; refusals and timeouts are what it should get.
     */
    private static void assertNoStaleRead(MfsClient pinned, long dir, String written) {
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        int answers = 0;
        int refusals = 0;
        while (System.nanoTime() - until < 0) {
            try {
                List<String> names = pinned.readdir(ClusterFixture.ROOT, dir, 0, 100, false).entries().stream()
                        .map(e -> e.name()).toList();
                answers++;
                assertThat(names).as("a read answered by the cut-off master after the new leader's write")
                        .contains(written);
            } catch (MfsException e) {
                refusals++;
            }
        }
        System.out.printf("reads through the cut-off master after the new leader's write: %d answered, %d refused%n",
                answers, refusals);
    }
}
