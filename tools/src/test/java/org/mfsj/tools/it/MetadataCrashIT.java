package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.master.image.MetaStore;
import org.mfsj.master.meta.MetaChecker;
import org.mfsj.master.meta.MetaState;
import org.mfsj.tools.MfsMain;
import org.mfsj.tools.cluster.LocalCluster;

/**
 * Crash consistency of the metadata: several clients create, write, rename, unlink, chmod and
 * mkdir while the master is killed with SIGKILL at random moments, again and again. After each
 * kill the metadata on disk passes a full consistency check (loaded offline, as the restarted
 * master will load it); after each restart, with the clients paused, every change the master
 * acknowledged is there. Now and then an image is asked for, so restarts also start from images
 * taken mid-workload.
 */
class MetadataCrashIT {
    private static final int CLIENTS = 4;
    private static final int KILLS = Integer.getInteger("crash.kills", 20);

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedChangeSurvivesKillNineOfTheMaster() throws Exception {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        try (ClusterFixture f = new ClusterFixture(tmp.resolve("c"))) {
            ServerAddress master = f.cluster.masterAddress();
            Path data = f.cluster.layout().data(LocalCluster.MASTER);
            ReentrantReadWriteLock pause = new ReentrantReadWriteLock(true);
            List<CrashWorkload> workers = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long acked;
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    CrashWorkload w = new CrashWorkload(i, List.of(master), pause, seed + i);
                    workers.add(w);
                    Thread t = new Thread(w, "crash-client-" + i);
                    threads.add(t);
                    t.start();
                }
                for (int round = 1; round <= KILLS; round++) {
                    Thread.sleep(300 + rnd.nextInt(900));
                    f.cluster.kill9(LocalCluster.MASTER);
                    checkOffline(data, round);
                    f.cluster.start(LocalCluster.MASTER);
                    f.cluster.waitReady(Duration.ofSeconds(90));
                    if (round % 5 == 0) {
                        assertThat(MfsMain.run("saveimage", "-H", master.host(), "-P", String.valueOf(master.port())))
                                .as("mfs saveimage").isZero();
                    }
                    pause.writeLock().lock();
                    try {
                        for (CrashWorkload w : workers) {
                            try {
                                w.verify(f.client(), round);
                            } catch (AssertionError e) {
                                ChangelogGrep.print(data, w.suspects());
                                throw e;
                            }
                        }
                    } finally {
                        pause.writeLock().unlock();
                    }
                }
            } finally {
                acked = CrashWorkload.stopAll(workers, threads, "crash test", seed, KILLS);
            }
            assertThat(acked).as("the workload did something").isGreaterThan(KILLS * 10L);
            f.cluster.stop(LocalCluster.MASTER);
            assertThat(MfsMain.run("metarestore", "-d", data.toString(), "-n")).as("mfs metarestore").isZero();
        }
    }

    /** The dead master's image + changelog: loadable, and consistent in every respect checked. */
    private static void checkOffline(Path data, int round) throws Exception {
        MetaState s = MetaStore.recover(data, Clock.systemUTC(), 1, false);
        assertThat(MetaChecker.check(s)).as("round " + round + ": metadata on disk at version " + s.version())
                .isEmpty();
    }
}
