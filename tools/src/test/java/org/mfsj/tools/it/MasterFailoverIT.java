package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.wire.client2master.MasterRoleReply;

/**
 * Master HA under load: three voting masters, several clients creating, writing, renaming and
 * removing through core-client with the whole master list; the leader is killed with SIGKILL,
 * twice (the first victim comes back as a follower in between). The clients carry on by
 * themselves, and afterwards every change acknowledged to them is there, with the right bytes,
 * and the three masters hold the same metadata version.
 */
class MasterFailoverIT {
    private static final int CLIENTS = 3;
    private static final int KILLS = 2;

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedChangeSurvivesKillNineOfTheLeader() throws Exception {
        long seed = System.nanoTime();
        try (ClusterFixture f = new ClusterFixture(tmp.resolve("c"), List.of(), 3)) {
            MasterGroup group = new MasterGroup(f.cluster);
            ReentrantReadWriteLock pause = new ReentrantReadWriteLock(true);
            List<CrashWorkload> workers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long acked;
            try (MfsClient probe = MfsClient.connect(ClientConfig.of(f.cluster.masterAddresses())
                    .withClientInfo("failover-probe"))) {
                for (int i = 0; i < CLIENTS; i++) {
                    CrashWorkload w = new CrashWorkload(i, f.cluster.masterAddresses(), pause, seed + i);
                    workers.add(w);
                    Thread t = new Thread(w, "failover-client-" + i);
                    threads.add(t);
                    t.start();
                }
                long probeDir = probe.mkdir(ClusterFixture.ROOT, probe.rootInode(), "probe", 0755).inode();
                for (int round = 1; round <= KILLS; round++) {
                    byte[] data = new byte[1 << 20];
                    new Random(seed - round).nextBytes(data);
                    long readMe = ClientCalls.write(probe, probeDir, "read-after-kill-" + round, data);
                    Thread.sleep(1500);
                    String leader = group.awaitLeader(null, Duration.ofSeconds(10));
                    long killed = System.nanoTime();
                    f.cluster.kill9(leader);
                    // the open drops the client's cached locations: the read asks the new leader
                    CompletableFuture<Long> readAfter = CompletableFuture.supplyAsync(() -> {
                        assertThat(read(probe, readMe, data.length)).as("bytes read right after the kill")
                                .isEqualTo(data);
                        return (System.nanoTime() - killed) / 1_000_000;
                    });
                    probe.mkdir(ClusterFixture.ROOT, probeDir, "after-kill-" + round, 0755);
                    System.err.printf("failover round %d: %s killed; first acknowledged write after %d ms%n", round,
                            leader, (System.nanoTime() - killed) / 1_000_000);
                    System.err.printf("failover round %d: first read of a file written before the kill after %d ms%n",
                            round, readAfter.get(60, TimeUnit.SECONDS));
                    String next = group.awaitLeader(leader, Duration.ofSeconds(10));
                    assertThat(next).isNotEqualTo(leader);
                    Thread.sleep(1500);
                    f.cluster.start(leader);
                    MasterRoleReply inStep = pausedCheck(f, group, pause, workers, round);
                    System.err.printf("failover round %d: masters in step at term %d, version %d%n", round,
                            inStep.term(), inStep.version());
                }
            } finally {
                acked = CrashWorkload.stopAll(workers, threads, "failover test", seed, KILLS);
            }
            assertThat(acked).as("the workload did something").isGreaterThan(KILLS * 10L);
        }
    }

    private static byte[] read(MfsClient c, long inode, int length) {
        byte[] out = new byte[length];
        try (FileHandle h = c.open(ClusterFixture.ROOT, inode, false)) {
            int off = 0;
            for (int n; off < length && (n = h.read(off, out, off, length - off)) > 0; ) {
                off += n;
            }
            return Arrays.copyOf(out, off);
        } catch (MfsException e) {
            throw new AssertionError("read of inode " + inode + " right after the kill", e);
        }
    }

    /** With the clients paused: all three masters agree, and every acknowledged change is there. */
    private static MasterRoleReply pausedCheck(ClusterFixture f, MasterGroup group, ReentrantReadWriteLock pause,
            List<CrashWorkload> workers, int round) throws Exception {
        pause.writeLock().lock();
        try {
            MasterRoleReply inStep = group.awaitInStep(Duration.ofSeconds(60));
            for (CrashWorkload w : workers) {
                w.verify(f.client(), round);
            }
            return inStep;
        } catch (MfsException e) {
            throw new AssertionError("round " + round + ": checking failed", e);
        } finally {
            pause.writeLock().unlock();
        }
    }
}
