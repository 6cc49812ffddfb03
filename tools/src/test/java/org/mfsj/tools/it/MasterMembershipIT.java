package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.wire.client2master.MasterRoleReply;
import org.mfsj.tools.it.MfsInJvm.Run;
import org.mfsj.tools.cluster.LocalCluster;

/**
 * Master HA membership with real processes: a group of three voting masters under a writing client;
 * a fourth master started empty is added ({@code mfs master add}): it catches up and votes, as the
 * leader's voter set in {@code mfs status} shows. One of the first three is killed (kill -9) and
 * writes go on (three of four answer); the dead one is removed ({@code mfs master remove}) and the
 * group of three then survives a second kill -9, of its leader. Every create the client was told
 * succeeded is there at the end; changes that cannot be made are refused with the reason.
 */
class MasterMembershipIT {
    private static final Pattern SYNC_PORT = Pattern.compile("(?m)^SYNC_THREAD_LISTEN_PORT = (\\d+)$");

    @TempDir
    Path tmp;

    private LocalCluster cluster;
    private MasterGroup group;

    @Test
    void aMasterJoinsARunningGroupAndADeadOneIsRemovedWithoutLosingAWrite() throws Exception {
        cluster = new LocalCluster(tmp.resolve("c"), new PrintStream(PrintStream.nullOutputStream()), List.of(),
                false, 4);
        List<String> names = cluster.masterNames();
        String fourth = names.get(3);
        String fourthSync = "127.0.0.1:" + syncPort(fourth);
        // the group is the first three: their configurations do not name the fourth, which names them
        for (String m : names.subList(0, 3)) {
            dropPeer(m, syncPort(fourth));
        }
        try {
            for (String m : names.subList(0, 3)) {
                cluster.start(m);
            }
            cluster.waitReady(Duration.ofSeconds(60), names.subList(0, 3));
            group = new MasterGroup(cluster);
            group.awaitLeader(null, Duration.ofSeconds(15));
            assertThat(votersShown(mfs("status").out())).as("voters at first").hasSize(3);
            try (MfsClient c = MfsClient.connect(ClientConfig.of(cluster.masterAddresses()).withClientInfo("writer"))) {
                long dir = c.mkdir(ClusterFixture.ROOT, c.rootInode(), "members", 0755).inode();
                AckedWriter w = new AckedWriter(c, dir);
                w.start();
                try {
                    changeMembersUnderLoad(w, fourth, fourthSync);
                } finally {
                    w.finish();
                }
                System.out.printf("membership: %d creates acknowledged, longest pause between two %d ms%n",
                        w.acked.size(), w.longestPauseMillis);
                assertThat(w.failed).as("creates that failed").isEmpty();
                Set<String> present = ClusterFixture.names(c, dir);
                assertThat(present).as("every acknowledged create").containsAll(w.acked);
            }
        } catch (Exception | AssertionError e) {
            for (String m : names) {
                System.err.println("---- " + m + " log, last lines:\n" + cluster.daemon(m).logTail(40));
            }
            throw e;
        } finally {
            cluster.down();
        }
    }

    private void changeMembersUnderLoad(AckedWriter w, String fourth, String fourthSync) throws Exception {
        awaitAcked(w, 50);
        Run early = mfs("master", "add", "--timeout", "2", "127.0.0.1:1");
        assertThat(early.exit()).as("adding a master that does not run").isEqualTo(1);
        assertThat(early.err()).contains("had not caught up at the deadline").contains("nothing changed");

        cluster.start(fourth);
        Run add = mfs("master", "add", fourthSync);
        assertThat(add.exit()).as(add.out() + add.err()).isZero();
        assertThat(add.out()).contains("voters now").contains(fourthSync);
        String status = mfs("status").out();
        assertThat(status).as("mfs status after the add").contains(fourthSync);
        assertThat(votersShown(status)).hasSize(4);
        MasterRoleReply joined = awaitFollowing(fourth);
        assertThat(joined.voters()).as("the new master's own log names it a voter").contains(fourthSync);
        assertThat(Files.exists(cluster.layout().data(fourth).resolve("raft.learner")))
                .as("the new master votes (no longer a learner)").isFalse();
        Run again = mfs("master", "add", fourthSync);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("votes already");

        String leader = group.awaitLeader(null, Duration.ofSeconds(15));
        String victim = cluster.masterNames().subList(0, 3).stream().filter(n -> !n.equals(leader)).findFirst()
                .orElseThrow();
        cluster.kill9(victim);
        int before = w.acked.size();
        awaitAcked(w, before + 50);

        String victimSync = "127.0.0.1:" + syncPort(victim);
        Run remove = mfs("master", "remove", victimSync);
        assertThat(remove.exit()).as(remove.out() + remove.err()).isZero();
        List<String> voters = votersShown(mfs("status").out());
        assertThat(voters).as("voters after removing " + victim).hasSize(3).doesNotContain(victimSync)
                .contains(fourthSync);

        cluster.kill9(leader);
        String next = group.awaitLeader(leader, Duration.ofSeconds(15));
        before = w.acked.size();
        awaitAcked(w, before + 50);
        String other = cluster.masterNames().stream().filter(n -> !n.equals(leader) && !n.equals(victim)
                && !n.equals(next)).findFirst().orElseThrow();
        Run lonely = mfs("master", "remove", "127.0.0.1:" + syncPort(other));
        assertThat(lonely.exit()).as("a removal that would leave no majority in reach").isEqualTo(1);
        assertThat(lonely.err()).contains("no majority");
        System.out.printf("membership: %s added, %s killed and removed, leader %s killed, %s leads%n", fourth, victim,
                leader, next);
    }

    /** Waits until the writer has {@code count} creates acknowledged (at most 30 s). */
    private static void awaitAcked(AckedWriter w, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (w.acked.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(w.acked.size()).as("creates acknowledged; failures " + w.failed).isGreaterThanOrEqualTo(count);
    }

    private MasterRoleReply awaitFollowing(String master) throws InterruptedException {
        int i = cluster.masterNames().indexOf(master);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        MasterRoleReply r = null;
        while (System.nanoTime() < deadline) {
            r = group.roles().get(i);
            if (r != null && r.role().equals("follower") && !r.voters().isEmpty()
                    && !Files.exists(cluster.layout().data(master).resolve("raft.learner"))) {
                return r;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(master + " does not follow as a voter: " + r);
    }

    private static List<String> votersShown(String status) {
        Matcher m = Pattern.compile("(?m)^voters [^:]*: (.*)$").matcher(status);
        assertThat(m.find()).as("mfs status names the voters:\n" + status).isTrue();
        return List.of(m.group(1).trim().split(", "));
    }

    private int syncPort(String master) throws Exception {
        Matcher m = SYNC_PORT.matcher(Files.readString(config(master)));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private Path config(String master) {
        return cluster.layout().config("mfs" + master + ".cfg");
    }

    /** Takes the shadow master at {@code port} out of {@code master}'s configuration. */
    private void dropPeer(String master, int port) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(config(master)));
        int at = lines.indexOf(lines.stream().filter(l -> l.matches("SYNC_WORKER_PORT_\\d = " + port)).findFirst()
                .orElseThrow());
        String n = lines.get(at).substring("SYNC_WORKER_PORT_".length(), "SYNC_WORKER_PORT_".length() + 1);
        lines.remove(at);
        lines.removeIf(l -> l.startsWith("SYNC_WORKER_HOST_" + n + " "));
        Files.write(config(master), lines);
    }

    /** Runs the mfs tool in this JVM against every master; what it printed. */
    private Run mfs(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(args[0].equals("master") ? 2 : 1, "-H");
        all.add(args[0].equals("master") ? 3 : 2, group.list());
        return MfsInJvm.run(all.toArray(String[]::new));
    }
}
