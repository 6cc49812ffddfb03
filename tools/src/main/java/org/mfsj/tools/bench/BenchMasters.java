package org.mfsj.tools.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.master.ha.HaStats;

/**
 * The masters a benchmark runs against: one master alone, or voting masters (master HA: every
 * change waits for a majority's fsync); in the benchmark's JVM or as processes of their own.
 */
interface BenchMasters extends AutoCloseable {
    /** {@code processes}: each master a process of its own, as in production; else all in this JVM. */
    static BenchMasters start(Path data, int masters, boolean processes) throws Exception {
        return processes ? ProcessMasters.start(data, masters) : InJvmMasters.start(data, masters);
    }

    /** Where clients reach the masters (all of them: the client finds the leader). */
    List<ServerAddress> clientAddresses();

    /** Each master's counters now (in-JVM masters only; empty for processes). */
    List<HaStats> stats() throws InterruptedException;

    /** A timed pass begins: who holds which role is asked again (processes only). */
    default void newPass() {
    }

    /**
     * Each master process's CPU seconds (user + system) now, named with its role (processes only;
     * empty in this JVM, where the masters share the benchmark's threads' process).
     */
    default Map<String, Double> cpuSeconds() {
        return Map.of();
    }
}
