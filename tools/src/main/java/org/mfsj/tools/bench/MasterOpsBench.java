package org.mfsj.tools.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.ServerAddress;

/**
 * Metadata ops/s into in-process masters (changelog on; one master, or three with master HA) from
 * {@code conns} client connections.
 */
final class MasterOpsBench {
    /**
     * lock and unlock (a POSIX lock taken and released per file: master memory only, not in the
     * changelog) beside setxattr (a change of about the same size that is) show what a lock call
     * would cost if locks were replicated through the changelog.
     */
    private static final String[] PHASES = {"create", "lookup", "getattr", "lock", "unlock", "setxattr", "rename",
        "unlink"};

    private final Path data;
    private final int ops;
    private final int conns;
    private final int masters;

    MasterOpsBench(Path data, int ops, int conns, int masters) {
        this.data = data;
        this.ops = ops;
        this.conns = conns;
        this.masters = masters;
    }

    void run() throws Exception {
        try (BenchMasters group = new BenchMasters(data, masters)) {
            List<ServerAddress> at = group.clientAddresses();
            int perConn = Math.max(1, ops / conns);
            long[] phaseNanos = new long[PHASES.length];
            CyclicBarrier barrier = new CyclicBarrier(conns);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long[] phaseStart = new long[1];
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < conns; t++) {
                int id = t;
                threads.add(new Thread(() -> {
                    try (MfsClient c = MfsClient.connect(ClientConfig.of(at).withClientInfo("bench"))) {
                        work(c, id, perConn, barrier, phaseNanos, phaseStart);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        barrier.reset();
                    }
                }, "bench-" + t));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            if (failure.get() != null) {
                throw new IllegalStateException("benchmark client failed", failure.get());
            }
            String label = conns + " conn, " + masters + " master" + (masters > 1 ? "s" : "");
            for (int p = 0; p < PHASES.length; p++) {
                MasterBench.print(PHASES[p] + ", " + label, (double) perConn * conns * 1e9 / phaseNanos[p], "ops/s");
            }
            long[] stats = group.commitStats();
            if (stats != null) {
                MasterBench.print("changelog records per fsync, " + label, stats[0] == 0 ? 0
                        : (double) stats[1] / stats[0], "records");
            }
        }
    }

    /** One connection's share of each phase; the last thread through the barrier times the phase. */
    private static void work(MfsClient c, int id, int n, CyclicBarrier barrier, long[] nanos, long[] start)
            throws Exception {
        Creds root = Creds.ROOT;
        long dir = c.mkdir(root, c.rootInode(), "c" + id, 0755).inode();
        long[] inodes = new long[n];
        for (int p = 0; p < PHASES.length; p++) {
            if (barrier.await() == 0) {
                start[0] = System.nanoTime();
            }
            barrier.await();
            for (int i = 0; i < n; i++) {
                String name = "f" + i;
                switch (p) {
                    case 0 -> inodes[i] = c.create(root, dir, name, 0644).inode();
                    case 1 -> c.lookup(root, dir, name);
                    case 2 -> c.getattr(inodes[i]);
                    case 3 -> c.setLock(inodes[i], LockFlavor.POSIX, LockType.WRITE, 0, 99, id + 1, id + 1, false);
                    case 4 -> c.releaseLocks(inodes[i], LockFlavor.POSIX, id + 1);
                    case 5 -> c.setxattr(root, inodes[i], "user.lock", new byte[16], 0);
                    case 6 -> c.rename(root, dir, name, dir, "r" + i);
                    default -> c.unlink(root, dir, "r" + i);
                }
            }
            if (barrier.await() == 0) {
                nanos[p] = System.nanoTime() - start[0];
            }
        }
    }
}
