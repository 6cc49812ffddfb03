package org.mfsj.tools.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2master.MasterRoleReply;
import org.mfsj.master.ha.HaStats;
import org.mfsj.tools.cluster.LocalCluster;
import org.mfsj.tools.cmd.MasterRoles;

/**
 * Masters as processes of their own, as in production (each its own JVM, threads and heap),
 * started by the local-cluster launcher with its chunkservers (idle here: no chunk I/O).
 */
final class ProcessMasters implements BenchMasters {
    /** Ends the name of a process's count of context switches among {@link #cpuSeconds()}. */
    static final String SWITCHES = ", context switches";
    private final LocalCluster cluster;
    private ProcessCpu cpu;
    private List<String> lastRoles = List.of();

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

    /**
     * Asks each master its role: this pass's figures are named by role ("leader", "follower 1", ...,
     * followers in the masters' order), so an election between passes moves a process's figures to
     * its new role instead of leaving them under the old one; a change of roles is printed.
     */
    @Override
    public void newPass() {
        List<MasterRoleReply> roles = MasterRoles.ask(cluster.masterAddresses());
        List<String> names = cluster.masterNames();
        Map<String, Long> pids = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String role = roles.get(i) == null ? "?" : roles.get(i).role();
            int n = seen.merge(role, 1, Integer::sum);
            String name = role.equals("follower") || role.equals("?") ? role + " " + n : role;
            held.add(names.get(i) + " " + name);
            cluster.daemon(names.get(i)).handle().ifPresent(h -> pids.put(name, h.pid()));
        }
        if (!held.equals(lastRoles)) {
            System.out.println("roles from this pass on: " + String.join(", ", held));
            lastRoles = held;
        }
        cpu = ProcessCpu.of(new TreeMap<>(pids));
    }

    @Override
    public Map<String, Double> cpuSeconds() {
        if (cpu == null) {
            newPass();
        }
        Map<String, Double> out = cpu.sample();
        cpu.switches().forEach((name, n) -> out.put(name + SWITCHES, n));
        return out;
    }

    @Override
    public void close() {
        List<String> failures = cluster.down();
        if (!failures.isEmpty()) {
            System.err.println("MasterBench: stopping the cluster: " + String.join("; ", failures));
        }
    }
}
