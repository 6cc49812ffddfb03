package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.tools.it.MfsInJvm.Run;

/**
 * Planned switch-overs (master HA) on a real three-master cluster: {@code mfs master promote} hands
 * leadership to the named follower and {@code demote} to the most up-to-date one while a client
 * keeps writing, and every change it was told succeeded is there afterwards; an address that is no
 * voter, a follower named for demotion and a frozen target are refused with the reason, and the
 * leader serves on. Locks held when the leader changes are taken back by their holders on the new
 * one, which refuses other locks meanwhile (its grace period).
 */
class MasterHandOverIT {
    @TempDir
    static Path tmp;
    private static ClusterFixture fx;
    private static MasterGroup group;

    @BeforeAll
    static void up() throws Exception {
        fx = new ClusterFixture(tmp.resolve("c"), List.of(), 3);
        group = new MasterGroup(fx.cluster);
        group.awaitLeader(null, Duration.ofSeconds(15));
    }

    @AfterAll
    static void down() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private static Run mfs(String... args) {
        return MfsInJvm.run(args);
    }

    @Test
    void promoteAndDemoteHandOverWhileAClientWritesAndLoseNothing() throws Exception {
        String old = group.awaitLeader(null, Duration.ofSeconds(15));
        String target = fx.cluster.masterNames().stream().filter(n -> !n.equals(old)).findFirst().orElseThrow();
        try (MfsClient c = MfsClient.connect(ClientConfig.of(fx.cluster.masterAddresses()).withClientInfo("writer"))) {
            long dir = c.mkdir(ClusterFixture.ROOT, c.rootInode(), "handover", 0755).inode();
            AckedWriter w = new AckedWriter(c, dir);
            w.start();
            Thread.sleep(500);
            Run promote = mfs("master", "promote", "-H", group.list(), group.address(target).toString());
            assertThat(promote.exit()).as(promote.out() + promote.err()).isZero();
            assertThat(promote.out()).contains("master " + group.address(target) + " leads in term");
            assertThat(group.awaitLeader(old, Duration.ofSeconds(10))).isEqualTo(target);
            Thread.sleep(500);

            Run demote = mfs("master", "demote", "-H", group.list());
            assertThat(demote.exit()).as(demote.out() + demote.err()).isZero();
            String third = group.awaitLeader(target, Duration.ofSeconds(10));
            Thread.sleep(500);
            w.finish();
            System.out.printf("hand-over: %s -> %s -> %s; %d creates acknowledged, longest pause between two %d ms%n",
                    old, target, third, w.acked.size(), w.longestPauseMillis);

            assertThat(w.failed).as("writes that failed across two hand-overs").isEmpty();
            assertThat(w.acked.size()).isGreaterThan(10);
            Set<String> present = ClusterFixture.names(c, dir);
            assertThat(present).as("every acknowledged create").containsAll(w.acked);
        }
        group.awaitInStep(Duration.ofSeconds(30));
    }

    @Test
    void aHandOverThatCannotHappenIsRefusedWithTheReasonAndTheLeaderServesOn() throws Exception {
        String leader = group.awaitLeader(null, Duration.ofSeconds(15));
        String follower = fx.cluster.masterNames().stream().filter(n -> !n.equals(leader)).findFirst().orElseThrow();

        Run unknown = mfs("master", "promote", "-H", group.list(), "127.0.0.1:1");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("127.0.0.1:1 is not a voting master of this group");

        Run notLeader = mfs("master", "demote", "-H", group.list(), group.address(follower).toString());
        assertThat(notLeader.exit()).isEqualTo(1);
        assertThat(notLeader.err()).contains("does not lead");

        MfsClient c = fx.client();
        fx.cluster.pause(follower);
        try {
            c.mkdir(ClusterFixture.ROOT, c.rootInode(), "while-" + follower + "-is-frozen", 0755);
            Run behind = mfs("master", "promote", "--timeout", "1", "-H", group.list(),
                    group.address(follower).toString());
            assertThat(behind.exit()).isEqualTo(1);
            // frozen just now: usually still counted as answering, so it is waited for until the deadline
            assertThat(behind.err()).containsAnyOf("behind at the deadline", "has not answered for over");
            Thread.sleep(2500);
            Run silent = mfs("master", "promote", "-H", group.list(), group.address(follower).toString());
            assertThat(silent.exit()).isEqualTo(1);
            assertThat(silent.err()).contains("has not answered for over");
            assertThat(group.awaitLeader(null, Duration.ofSeconds(5))).as("the leader after a refused hand-over")
                    .isEqualTo(leader);
            // requests held for the hand-over are let through again
            c.mkdir(ClusterFixture.ROOT, c.rootInode(), "after-the-refusal", 0755);
        } finally {
            fx.cluster.resume(follower);
        }
        assertThat(c.lookup(ClusterFixture.ROOT, c.rootInode(), "after-the-refusal").isDirectory()).isTrue();
        group.awaitInStep(Duration.ofSeconds(30));
    }

    @Test
    void locksHeldBeforeTheLeaderChangesAreTakenBackOnTheNewOne() throws Exception {
        String leader = group.awaitLeader(null, Duration.ofSeconds(15));
        String next = fx.cluster.masterNames().stream().filter(n -> !n.equals(leader)).findFirst().orElseThrow();
        ClientConfig cfg = ClientConfig.of(fx.cluster.masterAddresses());
        try (MfsClient a = MfsClient.connect(cfg.withClientInfo("holder"));
                MfsClient b = MfsClient.connect(cfg.withClientInfo("contender"))) {
            long file = a.create(ClusterFixture.ROOT, a.rootInode(), "locked-" + leader, 0644).inode();
            // waits out the grace period of a leader that an earlier test made
            a.setLock(file, LockFlavor.POSIX, LockType.WRITE, 0, 99, 1, 11, true);
            a.setLock(file, LockFlavor.FLOCK, LockType.READ, 0, HeldLock.TO_EOF, 2, 12, true);
            assertThat(catchThrowable(() -> b.setLock(file, LockFlavor.POSIX, LockType.READ, 50, 60, 7, 77, false)))
                    .isInstanceOf(MfsException.class);

            Run promote = mfs("master", "promote", "-H", group.list(), group.address(next).toString());
            assertThat(promote.exit()).as(promote.out() + promote.err()).isZero();
            // past the new leader's grace period: what is locked now was taken back by its holder
            a.getattr(file);
            Thread.sleep(6000);
            Throwable contended = catchThrowable(() -> b.setLock(file, LockFlavor.POSIX, LockType.READ, 50, 60, 7, 77,
                    false));
            assertThat(contended).as("a lock held across the change of leader").isInstanceOf(MfsException.class);
            assertThat(((MfsException) contended).status()).isEqualTo(Status.EAGAIN);
            assertThat(catchThrowable(() -> b.setLock(file, LockFlavor.FLOCK, LockType.WRITE, 0, HeldLock.TO_EOF, 8,
                    88, false))).as("an flock held across the change of leader").isInstanceOf(MfsException.class);

            a.releaseLocks(file, LockFlavor.POSIX, 1);
            b.setLock(file, LockFlavor.POSIX, LockType.READ, 50, 60, 7, 77, false);
        }
    }
}
