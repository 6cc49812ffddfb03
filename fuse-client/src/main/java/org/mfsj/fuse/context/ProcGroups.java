package org.mfsj.fuse.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Supplementary groups of a process, read from the "Groups:" line of /proc/PID/status (FUSE hands
 * over only uid, gid and pid). Cached per pid for a short time: a pid is reused only after its
 * process is gone, and a process rarely changes its groups.
 */
public final class ProcGroups {
    private static final int MAX_ENTRIES = 4096;

    private final Path proc;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<Integer, Entry> cache = new ConcurrentHashMap<>();

    public ProcGroups(Path proc, long ttlNanos, LongSupplier clock) {
        this.proc = proc;
        this.ttlNanos = ttlNanos;
        this.clock = clock;
    }

    public static ProcGroups system() {
        return new ProcGroups(Path.of("/proc"), 1_000_000_000L, System::nanoTime);
    }

    /** The groups of {@code pid}; none when the process is gone or its status unreadable. */
    public int[] of(int pid) {
        long now = clock.getAsLong();
        Entry e = cache.get(pid);
        if (e != null && now - e.readAt < ttlNanos) {
            return e.groups;
        }
        int[] groups = read(pid);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(pid, new Entry(groups, now));
        return groups;
    }

    private int[] read(int pid) {
        try {
            for (String line : Files.readAllLines(proc.resolve(Integer.toString(pid)).resolve("status"))) {
                if (line.startsWith("Groups:")) {
                    return parse(line.substring("Groups:".length()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the caller may already have exited; it then simply has no supplementary groups
        }
        return new int[0];
    }

    static int[] parse(String list) {
        String t = list.strip();
        if (t.isEmpty()) {
            return new int[0];
        }
        String[] parts = t.split("\\s+");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (int) Long.parseLong(parts[i]);
        }
        return out;
    }

    private record Entry(int[] groups, long readAt) {
    }
}
