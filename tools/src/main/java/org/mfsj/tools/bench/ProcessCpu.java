package org.mfsj.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time (user + system, all threads) of named processes from {@code /proc/PID/stat}, so a
 * benchmark can give CPU per request for each daemon: a figure that, unlike requests per second,
 * hardly moves with what else the machine is running.
 */
final class ProcessCpu {
    /** {@code USER_HZ}: the unit of utime and stime in /proc on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> pids;

    private ProcessCpu(Map<String, Long> pids) {
        this.pids = pids;
    }

    /** {@code name=pid,name=pid,...}; an empty spec watches nothing. */
    static ProcessCpu parse(String spec) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String item : spec.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--cpu wants name=pid[,name=pid...], got '" + item + "'");
            }
            pids.put(item.substring(0, eq).strip(), Long.parseLong(item.substring(eq + 1).strip()));
        }
        return new ProcessCpu(pids);
    }

    /** Watches the processes named in {@code pids} (name to pid, in their order). */
    static ProcessCpu of(Map<String, Long> pids) {
        return new ProcessCpu(new LinkedHashMap<>(pids));
    }

    boolean isEmpty() {
        return pids.isEmpty();
    }

    /** CPU seconds of each watched process now; a process that is gone counts as 0. */
    Map<String, Double> sample() {
        Map<String, Double> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, seconds(pid)));
        return out;
    }

    /**
     * Context switches (voluntary and not) of each watched process's live threads now: the wake-ups
     * a hand-off between threads costs, a count that, unlike time, the machine's load hardly moves.
     */
    Map<String, Double> switches() {
        Map<String, Double> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, (double) switches(pid)));
        return out;
    }

    private static long switches(long pid) {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                sum += threadSwitches(task.resolve("status"));
            }
        } catch (IOException | RuntimeException e) {
            return sum;
        }
        return sum;
    }

    private static long threadSwitches(Path status) {
        long sum = 0;
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                    sum += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // a thread that ended between the listing and the read: its switches are gone with it
        }
        return sum;
    }

    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: fields are counted after its ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
