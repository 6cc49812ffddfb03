package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2master.MasterRoleReply;

/**
 * Split brain, master HA: the leader is frozen (SIGSTOP) with a client pinned to it, the others
 * elect a new leader and take writes, then the old one is thawed (SIGCONT) with the pinned
 * client's write waiting in its socket. It must not acknowledge that write (or any other): it
 * learns of the newer term, steps down, and rejoins as a follower holding the new leader's data.
 */
class MasterSplitBrainIT {
    @TempDir
    Path tmp;

    @Test
    void aFrozenLeaderThatWakesUpAcknowledgesNothingAndRejoinsAsFollower() throws Exception {
        try (ClusterFixture f = new ClusterFixture(tmp.resolve("c"), List.of(), 3)) {
            MasterGroup group = new MasterGroup(f.cluster);
            String old = group.awaitLeader(null, Duration.ofSeconds(10));
            ServerAddress oldAddress = f.cluster.masterAddresses().get(f.cluster.masterNames().indexOf(old));
            MfsClient c = f.client();
            assertThat(c.getTrashTime(c.rootInode())).as("a new file system's root trash time, set by the first"
                    + " leader").isEqualTo(86_400);
            long dir = c.mkdir(ClusterFixture.ROOT, c.rootInode(), "d", 0755).inode();
            try (MfsClient pinned = MfsClient.connect(ClientConfig.of(List.of(oldAddress)).withClientInfo("pinned")
                    .withCallTimeout(Duration.ofSeconds(2)).withMasterGoneTimeout(Duration.ofSeconds(8)))) {
                pinned.getattr(dir);
                f.cluster.pause(old);
                try {
                    String next = group.awaitLeader(old, Duration.ofSeconds(15));
                    c.mkdir(ClusterFixture.ROOT, dir, "written-to-" + next, 0755);
                    CompletableFuture<Object> stale = CompletableFuture.supplyAsync(() -> {
                        try {
                            return pinned.mkdir(ClusterFixture.ROOT, dir, "written-to-old", 0755);
                        } catch (MfsException e) {
                            return e;
                        }
                    });
                    Thread.sleep(300);
                    f.cluster.resume(old);
                    Object outcome = stale.get();
                    assertThat(outcome).as("the old leader's answer to a write").isInstanceOf(MfsException.class);
                    assertThat(((MfsException) outcome).status()).isIn(Status.ETIMEDOUT, Status.NOT_LEADER,
                            Status.DISCONNECTED, Status.EIO);
                    Throwable again = catchThrowable(() -> pinned.mkdir(ClusterFixture.ROOT, dir, "again", 0755));
                    assertThat(again).as("a later write to the old leader").isInstanceOf(MfsException.class);
                } finally {
                    f.cluster.resume(old);
                }
            }
            MasterRoleReply inStep = group.awaitInStep(Duration.ofSeconds(30));
            List<MasterRoleReply> roles = group.roles();
            MasterRoleReply oldRole = roles.get(f.cluster.masterNames().indexOf(old));
            assertThat(oldRole.role()).isEqualTo("follower");
            assertThat(oldRole.version()).isEqualTo(inStep.version());
            assertThat(names(c, dir)).as("what the group holds").anyMatch(n -> n.startsWith("written-to-master"))
                    .doesNotContain("written-to-old", "again");
        }
    }

    private static List<String> names(MfsClient c, long dir) throws MfsException {
        return c.readdir(ClusterFixture.ROOT, dir, 0, 100, false).entries().stream().map(e -> e.name()).toList();
    }
}
