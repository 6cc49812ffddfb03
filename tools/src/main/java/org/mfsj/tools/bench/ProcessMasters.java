package org.mfsj.tools.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.master.ha.HaStats;
import org.mfsj.tools.cluster.LocalCluster;

/**
 * Masters as processes of their own, as in production (each its own JVM, threads and heap),
 * started by the local-cluster launcher with its chunkservers (idle here: no chunk I/O).
 */
final class ProcessMasters implements BenchMasters {
    private final LocalCluster cluster;

    private ProcessMasters(LocalCluster cluster) {
        this.cluster = cluster;
    }

    static ProcessMasters start(Path data, int masters) throws Exception {
        LocalCluster c = new LocalCluster(data, new PrintStream(OutputStream.nullOutputStream()), List.of(), false,
                masters);
        try {
            c.up(Duration.ofSeconds(60));
        } catch (Exception e) {
            c.down();
            throw e;
        }
        return new ProcessMasters(c);
    }

    @Override
    public List<ServerAddress> clientAddresses() {
        return cluster.masterAddresses();
    }

    @Override
    public List<HaStats> stats() {
        return List.of();
    }

    @Override
    public void close() {
        List<String> failures = cluster.down();
        if (!failures.isEmpty()) {
            System.err.println("MasterBench: stopping the cluster: " + String.join("; ", failures));
        }
    }
}
