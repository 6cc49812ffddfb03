package org.mfsj.tools.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.tools.cluster.doors.MountDoor;
import org.mfsj.tools.cluster.doors.S3Door;

/**
 * A cluster of real processes on 127.0.0.1 with everything under one folder: what {@code mfs up}
 * starts and what the integration tests drive (start, stop, kill -9, restart, wait-ready).
 */
public final class LocalCluster {
    public static final int CHUNKSERVERS = 3;
    public static final String MASTER = "master";
    /** Chunkservers are this and their number, from 1. */
    public static final String CHUNKSERVER = "chunkserver";

    private final ClusterLayout layout;
    private final PrintStream out;
    private final Properties ports;
    private final Map<String, DaemonProcess> daemons = new LinkedHashMap<>();
    private final Map<String, Door> doors = new LinkedHashMap<>();

    /** Master and chunkservers only. */
    public LocalCluster(Path dir, PrintStream out) throws IOException {
        this(dir, out, List.of());
    }

    /** Master, chunkservers and {@code doors}, which start once the cluster is ready. */
    public LocalCluster(Path dir, PrintStream out, List<Door> doors) throws IOException {
        this(dir, out, doors, true);
    }

    /**
     * As above; {@code standardPorts} false takes any free ports even where the standard ones
     * (9420...) are free, so that clusters started side by side (tests) never race for them.
     */
    public LocalCluster(Path dir, PrintStream out, List<Door> doors, boolean standardPorts) throws IOException {
        this(dir, out, doors, standardPorts, 1);
    }

    /**
     * As above with {@code masters} voting masters (master HA) when the folder is new; a folder
     * made before keeps the number it was made with.
     */
    public LocalCluster(Path dir, PrintStream out, List<Door> doors, boolean standardPorts, int masters)
            throws IOException {
        this.layout = new ClusterLayout(dir);
        this.out = out;
        this.ports = new ClusterConfigWriter(layout, CHUNKSERVERS, standardPorts, masters).ensure(doors);
        for (String m : masterNames()) {
            daemons.put(m, new DaemonProcess(m, layout));
        }
        for (int i = 1; i <= CHUNKSERVERS; i++) {
            String name = chunkserverName(i);
            daemons.put(name, new DaemonProcess(name, layout));
        }
        for (Door door : doors) {
            door.writeConfig(layout, ports, masterList());
            this.doors.put(door.name(), door);
            daemons.put(door.name(), new DaemonProcess(door.name(), layout));
        }
    }

    /** A port picked for a door, by one of its {@link Door#portKeys()}. */
    public int doorPort(String key) {
        String port = ports.getProperty(key);
        if (port == null) {
            throw new IllegalArgumentException("no port '" + key + "' in " + layout.config("cluster.ports"));
        }
        return Integer.parseInt(port);
    }

    public static String chunkserverName(int i) {
        return CHUNKSERVER + i;
    }

    public ClusterLayout layout() {
        return layout;
    }

    public ServerAddress masterAddress() {
        return new ServerAddress("127.0.0.1", Integer.parseInt(ports.getProperty("master.client")));
    }

    /** Every master in one address: the list as its host (a door config's MASTER_HOST), the first port. */
    private ServerAddress masterList() {
        List<ServerAddress> all = masterAddresses();
        if (all.size() == 1) {
            return all.get(0);
        }
        return new ServerAddress(String.join(",", all.stream().map(ServerAddress::toString).toList()),
                all.get(0).port());
    }

    /** The masters' process names: "master", or "master1".."masterN" with master HA. */
    public List<String> masterNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; ports.getProperty(HaMasterConfig.name(i) + ".client") != null; i++) {
            names.add(HaMasterConfig.name(i));
        }
        return names.isEmpty() ? List.of(MASTER) : names;
    }

    /** Where clients reach each master, in {@link #masterNames()} order. */
    public List<ServerAddress> masterAddresses() {
        if (masterNames().equals(List.of(MASTER))) {
            return List.of(masterAddress());
        }
        return masterNames().stream()
                .map(n -> new ServerAddress("127.0.0.1", Integer.parseInt(ports.getProperty(n + ".client")))).toList();
    }

    /** Where chunkservers register with the master. */
    public ServerAddress masterChunkserverAddress() {
        return new ServerAddress("127.0.0.1", Integer.parseInt(ports.getProperty("master.cs")));
    }

    public ServerAddress chunkserverAddress(int i) {
        return new ServerAddress("127.0.0.1", Integer.parseInt(ports.getProperty(chunkserverName(i) + ".data")));
    }

    /** The folder a chunkserver keeps its chunks in. */
    public Path chunkserverDisk(int i) {
        return layout.data(chunkserverName(i)).resolve("hdd1");
    }

    public DaemonProcess daemon(String name) {
        DaemonProcess d = daemons.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no process '" + name + "' in this cluster; known: " + daemons.keySet());
        }
        return d;
    }

    /** Starts every process that is not running, waits until all serve, writes cluster.env. */
    public void up(Duration timeout) throws IOException, InterruptedException {
        List<String> started = new ArrayList<>();
        for (DaemonProcess d : daemons.values()) {
            if (!doors.containsKey(d.name()) && !d.isRunning()) {
                d.start(jvmOptions(d.name()), arguments(d.name()));
                started.add(d.name());
            }
        }
        try {
            Instant deadline = Instant.now().plus(timeout);
            waitReady(timeout, daemons.keySet().stream().filter(n -> !doors.containsKey(n)).toList());
            for (Door door : doors.values()) {
                if (!daemon(door.name()).isRunning()) {
                    daemon(door.name()).start(jvmOptions(door.name()), door.arguments(layout));
                    started.add(door.name());
                }
            }
            for (Door door : doors.values()) {
                awaitDoor(door, deadline);
            }
        } catch (IOException | RuntimeException e) {
            // a failed start leaves nothing running behind it: what this call started, it stops
            java.util.Collections.reverse(started);
            List<String> failures = new ArrayList<>();
            for (String name : started) {
                stop(daemon(name), failures);
            }
            failures.forEach(f -> e.addSuppressed(new IOException(f)));
            throw e;
        }
        writeEnv();
        out.println(started.isEmpty() ? "cluster already running in " + layout.dir()
                : "started " + String.join(", ", started) + " in " + layout.dir());
        printSummary();
    }

    public void start(String name) throws IOException {
        DaemonProcess d = daemon(name);
        if (!d.isRunning()) {
            Door door = doors.get(name);
            d.start(jvmOptions(name), door != null ? door.arguments(layout) : arguments(name));
        }
    }

    /** Waits until a door serves, failing at once if its process has exited. */
    public void awaitDoor(String name, Duration timeout) throws IOException, InterruptedException {
        Door door = doors.get(name);
        if (door == null) {
            throw new IllegalArgumentException("no door '" + name + "' in this cluster; known: " + doors.keySet());
        }
        awaitDoor(door, Instant.now().plus(timeout));
    }

    private void awaitDoor(Door door, Instant deadline) throws IOException, InterruptedException {
        DaemonProcess d = daemon(door.name());
        while (!door.isReady(layout, ports)) {
            if (!d.isRunning()) {
                throw new IOException(door.name() + " exited; its log " + layout.logFile(door.name())
                        + " ends with:\n" + d.logTail(20));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException(door.name() + " did not become ready in time; see " + layout.logFile(door.name()));
            }
            Thread.sleep(100);
        }
    }

    /** Stops one process (a door: unmounts first, and after); what could not be done is thrown. */
    public void stop(String name) throws IOException {
        List<String> failures = new ArrayList<>();
        stop(daemon(name), failures);
        if (!failures.isEmpty()) {
            throw new IOException(String.join("; ", failures));
        }
    }

    /**
     * Stops {@code d}, going on past every failure (each one added to {@code failures} as a line);
     * true when there was a process to stop.
     */
    private boolean stop(DaemonProcess d, List<String> failures) {
        Door door = doors.get(d.name());
        if (door != null) {
            attempt(failures, d.name() + ": unmount before stop", () -> door.beforeStop(layout));
        }
        boolean[] stopped = new boolean[1];
        attempt(failures, d.name() + ": stop", () -> stopped[0] = d.stop(Duration.ofSeconds(15)));
        if (d.isRunning()) {
            failures.add(d.name() + ": still running after SIGTERM and SIGKILL (pid "
                    + d.handle().map(h -> String.valueOf(h.pid())).orElse("?") + ")");
        }
        if (door != null) {
            attempt(failures, d.name() + ": clean-up after stop", () -> door.afterStop(layout));
        }
        return stopped[0];
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void attempt(List<String> failures, String what, Step step) {
        try {
            step.run();
        } catch (Exception e) {
            failures.add(what + " failed: " + e.getMessage());
        }
    }

    public void kill9(String name) {
        daemon(name).kill9();
    }

    /** SIGSTOP: the process freezes as a hung or cut-off machine would, sockets and all. */
    public void pause(String name) throws IOException, InterruptedException {
        daemon(name).signal("STOP");
    }

    /**
     * SIGHUP: a master re-reads its exports file (and, leading, makes it the cluster's). False, and
     * a line saying why, when the master cannot see it: not running, or SIGHUP ignored in it (it was
     * started with SIGHUP ignored, and a JVM keeps it so).
     */
    public boolean hangUp(String name) throws IOException, InterruptedException {
        DaemonProcess d = daemon(name);
        java.util.Optional<ProcessHandle> h = d.handle();
        if (h.isPresent() && IgnoredSignals.ignores(h.get().pid(), IgnoredSignals.SIGHUP)) {
            out.println(name + " (pid " + h.get().pid() + ") ignores SIGHUP: its exports are not reloaded; "
                    + "restart it (daemons this cluster starts get SIGHUP at its default)");
            return false;
        }
        if (!d.signal("HUP")) {
            out.println(name + " is not running: no exports reloaded");
            return false;
        }
        return true;
    }

    /** SIGCONT after {@link #pause}. */
    public void resume(String name) throws IOException, InterruptedException {
        daemon(name).signal("CONT");
    }

    /**
     * Stops everything this cluster started, doors first, then chunkservers so the master sees them
     * go. Whatever fails, it goes on to the next process; the failures come back, one line each
     * (also printed), empty when all went well.
     */
    public List<String> down() {
        List<DaemonProcess> order = new ArrayList<>(daemons.values());
        java.util.Collections.reverse(order);
        List<String> failures = new ArrayList<>();
        for (DaemonProcess d : order) {
            int before = failures.size();
            if (stop(d, failures)) {
                out.println("stopped " + d.name());
            }
            failures.subList(before, failures.size()).forEach(f -> out.println("failed: " + f));
        }
        return failures;
    }

    /** Waits until the master answers and every running chunkserver is registered with it. */
    public void waitReady(Duration timeout) throws IOException, InterruptedException {
        waitReady(timeout, masterNames().stream().filter(n -> daemon(n).isRunning()).toList());
    }

    /** As {@link #waitReady(Duration)}, failing at once if one of {@code mustRun} has exited. */
    public void waitReady(Duration timeout, java.util.Collection<String> mustRun)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        new ReadinessProbe(masterAddresses(), layout.log()).await(deadline, this::expectedChunkservers, () -> {
            for (String name : mustRun) {
                DaemonProcess d = daemon(name);
                if (!d.isRunning()) {
                    return name + " exited; its log " + layout.logFile(name) + " ends with:\n" + d.logTail(20);
                }
            }
            return null;
        });
    }

    private List<ServerAddress> expectedChunkservers() {
        List<ServerAddress> expected = new ArrayList<>();
        for (int i = 1; i <= CHUNKSERVERS; i++) {
            if (daemon(chunkserverName(i)).isRunning()) {
                expected.add(chunkserverAddress(i));
            }
        }
        return expected;
    }

    private List<String> jvmOptions(String name) {
        String heap = name.equals(MASTER) ? "-Xmx1g" : "-Xmx512m";
        if (name.startsWith(MASTER) && !name.equals(MASTER)) {
            heap = "-Xmx768m";
        }
        List<String> opts = new ArrayList<>(List.of(heap, "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError"));
        // e.g. a profiler for one run: MFS_DAEMON_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/x.jfr'
        String extra = System.getenv("MFS_DAEMON_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            opts.addAll(List.of(extra.replace("{name}", name).trim().split("\\s+")));
        }
        return name.equals(MountDoor.NAME) || name.equals(S3Door.NAME) || name.startsWith(CHUNKSERVER)
                ? DataPathJvm.options(opts) : opts;
    }

    private List<String> arguments(String name) {
        if (name.startsWith(MASTER)) {
            return List.of("master", "-c", layout.config("mfs" + name + ".cfg").toString());
        }
        return List.of("chunkserver", "-c", layout.config(name + ".cfg").toString());
    }

    private void writeEnv() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MFS_CLUSTER_DIR", layout.dir().toString());
        env.put("MFS_MASTER_HOST", masterAddress().host());
        env.put("MFS_MASTER_PORT", String.valueOf(masterAddress().port()));
        env.put("MFS_MASTERS", String.join(",", masterAddresses().stream().map(ServerAddress::toString).toList()));
        new ClusterEnv(env).write(layout.envFile());
    }

    private ServerAddress masterAddressOf(String name) {
        return masterAddresses().get(masterNames().indexOf(name));
    }

    private void printSummary() {
        out.printf("  %-13s %-26s %-8s %s%n", "process", "address", "pid", "log");
        for (DaemonProcess d : daemons.values()) {
            Door door = doors.get(d.name());
            String addr = door != null ? door.describe(layout, ports)
                    : d.name().startsWith(MASTER) ? masterAddressOf(d.name()) + " (clients)"
                    : chunkserverAddress(Integer.parseInt(d.name().substring("chunkserver".length()))).toString();
            String pid = d.handle().map(h -> String.valueOf(h.pid())).orElse("-");
            out.printf("  %-13s %-26s %-8s %s%n", d.name(), addr, pid, layout.logFile(d.name()));
        }
        out.println("  env: " + layout.envFile() + "  (MFS_CLUSTER_DIR=" + layout.dir() + " bin/mfs status)");
    }
}
