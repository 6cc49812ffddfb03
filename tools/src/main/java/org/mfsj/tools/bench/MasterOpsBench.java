package org.mfsj.tools.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.DirPage;
import org.mfsj.client.MfsClient;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.master.ha.HaStats;

/**
 * One side of the HA column: metadata ops/s into one set of masters (changelog on; one master, or
 * three with master HA) from {@code conns} client connections. {@link #open} starts the masters and
 * runs every phase untimed ({@code warmup} ops), so that the JIT has compiled the paths before any
 * figure is taken; each {@link #pass} then times every phase once, and {@link #report} prints the
 * median of the passes, so that each side is timed in the same state whichever runs first.
 */
final class MasterOpsBench implements AutoCloseable {
    /**
     * lock and unlock (a POSIX lock taken and released per file: master memory only, not in the
     * changelog) beside setxattr (a change of about the same size that is) show what a lock call
     * would cost if locks were replicated through the changelog.
     */
    static final String[] PHASES = {"create", "lookup", "getattr", "readdir", "lock", "unlock", "setxattr",
        "rename", "unlink"};
    /** The readdir phase lists each connection's whole directory, with attributes, this many times. */
    private static final int LISTINGS = 20;
    static final int READDIR = 3;

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Path data;
    private final int ops;
    private final int warmup;
    private final int conns;
    private final int masters;
    private final boolean processes;
    private BenchMasters group;
    private List<ServerAddress> at;
    private List<HaStats> statsBefore;
    /** Locks refused for a new leader's grace period: an election happened during the run. */
    private final AtomicInteger lockRetries = new AtomicInteger();
    /** Each master process's CPU seconds at the start of the phase running. */
    private Map<String, Double> masterCpuAt = Map.of();

    MasterOpsBench(Path data, int ops, int warmup, int conns, int masters, boolean processes) {
        this.data = data;
        this.ops = ops;
        this.warmup = warmup;
        this.conns = conns;
        this.masters = masters;
        this.processes = processes;
    }

    int masters() {
        return masters;
    }

    /** Starts the masters and runs every phase once untimed. */
    void open() throws Exception {
        group = BenchMasters.start(data, masters, processes);
        at = group.clientAddresses();
        settle(at);
        if (warmup > 0) {
            round(at, "w", warmup, Map::of, new LinkedHashMap<>());
        }
        statsBefore = group.stats();
    }

    /** Times every phase once, in directories of its own. */
    PassTimes pass(int k) throws Exception {
        Map<String, double[]> masterCpu = new LinkedHashMap<>();
        group.newPass();
        long[][] timed = round(at, "c" + k + "-", ops, group::cpuSeconds, masterCpu);
        return new PassTimes(timed[0], timed[1], masterCpu);
    }

    String label() {
        return conns + " conn, " + masters + " master" + (masters > 1 ? "s" : "") + (processes ? " (processes)" : "");
    }

    int calls() {
        return Math.max(1, ops / conns) * conns;
    }

    /** Each phase's ops/s in one pass. */
    double opsPerSecond(PassTimes t, int phase) {
        return (double) calls() * 1e9 / t.nanos()[phase];
    }

    /** Medians over {@code passes} of each phase's ops/s and CPU per op, then the masters' counters over all of them. */
    void report(List<PassTimes> passes) throws InterruptedException {
        String label = label();
        String of = ", median of " + passes.size();
        for (int p = 0; p < PHASES.length; p++) {
            int phase = p;
            if (p == READDIR) {
                MasterBench.print("readdir " + calls() / conns + " entries, " + label,
                        PassTimes.median(passes, t -> t.nanos()[phase] / 1e6 / (LISTINGS * conns)),
                        "ms per listing" + of);
                continue;
            }
            MasterBench.print(PHASES[p] + ", " + label, PassTimes.median(passes, t -> opsPerSecond(t, phase)),
                    String.format(Locale.ROOT, "ops/s%s (%.0f-%.0f)", of,
                            PassTimes.min(passes, t -> opsPerSecond(t, phase)),
                            PassTimes.max(passes, t -> opsPerSecond(t, phase))));
        }
        printMasterCpu(label, passes);
        // this JVM's CPU (clients, and the masters unless they are processes): less sensitive to
        // other load than ops/s
        String who = processes ? ", bench (clients)" : "";
        for (int p = 0; p < PHASES.length; p++) {
            int phase = p;
            int n = p == READDIR ? LISTINGS * conns : calls();
            MasterBench.print("cpu per " + (p == READDIR ? "listing" : "op") + ", " + PHASES[p] + ", " + label + who,
                    PassTimes.median(passes, t -> t.cpuNanos()[phase] / 1e3 / n), "us" + of);
        }
        if (lockRetries.get() > 0) {
            MasterBench.print("lock retries, " + label + " (a new leader's grace: an election in the run)",
                    lockRetries.get(), "retries");
        }
        List<HaStats> after = group.stats();
        if (after.size() == statsBefore.size()) {
            printStats(label, statsBefore, after);
        }
    }

    @Override
    public void close() throws Exception {
        if (group != null) {
            group.close();
        }
    }

    /**
     * Waits until a lock can be taken: a leader elected in a term after the first holds new locks
     * back for its grace period (clients of a former leader take theirs back first).
     */
    private static void settle(List<ServerAddress> at) throws Exception {
        try (MfsClient c = MfsClient.connect(ClientConfig.of(at).withClientInfo("bench"))) {
            long probe = c.create(Creds.ROOT, c.rootInode(), "settle", 0644).inode();
            lockThroughGrace(c, probe, 1, 1);
            c.releaseLocks(probe, LockFlavor.POSIX, 1);
            c.unlink(Creds.ROOT, c.rootInode(), "settle");
        }
    }

    /**
     * Each master process's CPU per op in each phase (processes only; median over the passes), so
     * the cost of a replicated record shows per role.
     */
    private void printMasterCpu(String label, List<PassTimes> passes) {
        Set<String> names = new TreeSet<>();
        passes.forEach(t -> names.addAll(t.masterCpu().keySet()));
        for (String name : names) {
            // a role no master held in some pass (one asked while it was down) counts in the others
            List<PassTimes> held = passes.stream().filter(t -> t.masterCpu().containsKey(name)).toList();
            for (int p = 0; p < PHASES.length; p++) {
                int phase = p;
                if (p != READDIR && name.endsWith(ProcessMasters.SWITCHES)) {
                    String who = name.substring(0, name.length() - ProcessMasters.SWITCHES.length());
                    MasterBench.print("context switches per op, " + PHASES[p] + ", " + label + ", " + who,
                            PassTimes.median(held, t -> t.masterCpu().get(name)[phase] / calls()),
                            "switches, median of " + held.size());
                } else if (p != READDIR) {
                    MasterBench.print("cpu per op, " + PHASES[p] + ", " + label + ", " + name,
                            PassTimes.median(held, t -> t.masterCpu().get(name)[phase] * 1e6 / calls()),
                            "us, median of " + held.size());
                }
            }
        }
    }

    /** Records per fsync of each master, and for a leader the AppendEntries it sent, over the timed round. */
    private static void printStats(String label, List<HaStats> before, List<HaStats> after) {
        for (int i = 0; i < after.size(); i++) {
            HaStats s = after.get(i).since(before.get(i));
            String who = s.role().equals("single") ? "" : ", master " + (i + 1) + " (" + s.role() + ")";
            MasterBench.print("records per fsync, " + label + who, s.recordsPerFsync(), "records");
            if (s.appendMessages() > 0 && s.records() > 0) {
                MasterBench.print("appends sent per 1000 records, " + label + who,
                        1000.0 * s.appendMessages() / s.records(), "messages");
                MasterBench.print("entries per append, " + label + who,
                        (double) s.appendedEntries() / s.appendMessages(), "entries");
            }
        }
    }

    /**
     * Every phase from {@code conns} connections in directories named {@code prefix}N; the wall time
     * of each, and this process's CPU time in each (nanoseconds).
     */
    private long[][] round(List<ServerAddress> at, String prefix, int total, Supplier<Map<String, Double>> cpu,
            Map<String, double[]> masterCpu) throws InterruptedException {
        int perConn = Math.max(1, total / conns);
        long[][] phaseNanos = new long[2][PHASES.length];
        CyclicBarrier barrier = new CyclicBarrier(conns);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] phaseStart = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < conns; t++) {
            String dir = prefix + t;
            int id = t;
            threads.add(new Thread(() -> {
                try (MfsClient c = MfsClient.connect(ClientConfig.of(at).withClientInfo("bench"))) {
                    work(c, dir, id, perConn, barrier, phaseNanos, phaseStart, cpu, masterCpu);
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
        return phaseNanos;
    }

    /** One connection's share of each phase; the last thread through the barrier times the phase. */
    private void work(MfsClient c, String dirName, int id, int n, CyclicBarrier barrier, long[][] nanos,
            long[] start, Supplier<Map<String, Double>> cpu, Map<String, double[]> masterCpu) throws Exception {
        Creds root = Creds.ROOT;
        long dir = c.mkdir(root, c.rootInode(), dirName, 0755).inode();
        long[] inodes = new long[n];
        for (int p = 0; p < PHASES.length; p++) {
            if (barrier.await() == 0) {
                start[0] = System.nanoTime();
                start[1] = CPU.getProcessCpuTime();
                masterCpuAt = cpu.get();
            }
            barrier.await();
            if (p == READDIR) {
                listWhole(c, dir, n);
            }
            for (int i = 0; p != READDIR && i < n; i++) {
                String name = "f" + i;
                switch (p) {
                    case 0 -> inodes[i] = c.create(root, dir, name, 0644).inode();
                    case 1 -> c.lookup(root, dir, name);
                    case 2 -> c.getattr(inodes[i]);
                    case 4 -> lockRetries.addAndGet(lockThroughGrace(c, inodes[i], 99, id + 1));
                    case 5 -> c.releaseLocks(inodes[i], LockFlavor.POSIX, id + 1);
                    case 6 -> c.setxattr(root, inodes[i], "user.lock", new byte[16], 0);
                    case 7 -> c.rename(root, dir, name, dir, "r" + i);
                    default -> c.unlink(root, dir, "r" + i);
                }
            }
            if (barrier.await() == 0) {
                nanos[0][p] = System.nanoTime() - start[0];
                nanos[1][p] = CPU.getProcessCpuTime() - start[1];
                int phase = p;
                cpu.get().forEach((name, now) -> masterCpu.computeIfAbsent(name, k -> new double[PHASES.length])[phase] =
                        now - masterCpuAt.getOrDefault(name, now));
            }
        }
    }

    /**
     * Takes a lock on {@code inode} (bytes 0..{@code end}), trying again for up to 30 s while a leader
     * elected in a term after the first holds new locks back for its grace period (clients of a
     * former leader take theirs back first); returns how many times it was refused.
     */
    private static int lockThroughGrace(MfsClient c, long inode, long end, int owner) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (int refused = 0;; refused++) {
            try {
                c.setLock(inode, LockFlavor.POSIX, LockType.WRITE, 0, end, owner, owner, false);
                return refused;
            } catch (MfsException e) {
                if (e.status() != Status.EAGAIN || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /** {@link #LISTINGS} listings of {@code dir} with attributes, page by page; each must hold all {@code n} names. */
    private static void listWhole(MfsClient c, long dir, int n) throws MfsException {
        for (int k = 0; k < LISTINGS; k++) {
            long cookie = 0;
            int seen = 0;
            while (true) {
                DirPage page = c.readdir(Creds.ROOT, dir, cookie, n, true);
                seen += page.entries().size();
                if (page.eof() || page.entries().isEmpty()) {
                    break;
                }
                cookie = page.entries().get(page.entries().size() - 1).cookie();
            }
            if (seen != n) {
                throw new IllegalStateException("listing of " + n + " files returned " + seen);
            }
        }
    }
}
