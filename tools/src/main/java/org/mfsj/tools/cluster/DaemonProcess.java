package org.mfsj.tools.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One daemon of a local cluster, tracked by its pid file. It is started detached (its own session,
 * output to its log file) so it outlives the command that started it.
 */
public final class DaemonProcess {
    private static final String MAIN_CLASS = "org.mfsj.tools.MfsMain";

    private final String name;
    private final ClusterLayout layout;

    public DaemonProcess(String name, ClusterLayout layout) {
        this.name = name;
        this.layout = layout;
    }

    public String name() {
        return name;
    }

    /** The running process, if the pid file names one that is still ours. */
    public Optional<ProcessHandle> handle() {
        Path pidFile = layout.pidFile(name);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurs);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isRunning() {
        return handle().isPresent();
    }

    // a recycled pid must not be mistaken for our daemon
    private boolean isOurs(ProcessHandle h) {
        return h.info().arguments().map(a -> String.join(" ", a))
                .map(cmd -> cmd.contains(MAIN_CLASS) && cmd.contains("-Dmfs.process=" + name))
                .orElse(true);
    }

    /** Starts {@code java ... MfsMain <args>} with the classpath this JVM runs from. */
    public long start(List<String> jvmOptions, List<String> args) throws IOException {
        Files.createDirectories(layout.run());
        Files.createDirectories(layout.log());
        List<String> jvm = new ArrayList<>(jvmOptions);
        jvm.add("-Dmfs.process=" + name);
        Process p = launchDetached(jvm, args, layout.logFile(name));
        Files.writeString(layout.pidFile(name), p.pid() + "\n");
        return p.pid();
    }

    /**
     * Starts {@code java <jvmOptions> MfsMain <args>} in a session of its own (so it outlives its
     * starter and its terminal) with stdin from /dev/null and its output appended to {@code log}.
     */
    public static Process launchDetached(List<String> jvmOptions, List<String> args, Path log) throws IOException {
        return launchDetached(jvmOptions, args, log, Map.of());
    }

    /** As above, with {@code env} added to the environment it inherits. */
    public static Process launchDetached(List<String> jvmOptions, List<String> args, Path log,
            Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            cmd.add("/usr/bin/setsid");
        }
        // a starter run under nohup hands its children SIGHUP ignored, and a JVM keeps an ignored
        // signal ignored: a master would never see the SIGHUP that reloads its exports
        cmd.addAll(List.of("/usr/bin/env", "--default-signal=HUP"));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(StarterWatch.jvmOptions());
        if (!args.isEmpty()) {
            ClassShareArchive.of(args.get(0)).ifPresent(a -> cmd.addAll(a.jvmOptions(jvmOptions)));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MAIN_CLASS);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** SIGTERM, then SIGKILL if it has not gone after {@code grace}. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> h = handle();
        if (h.isEmpty()) {
            removePidFile();
            return false;
        }
        h.get().destroy();
        if (!waitGone(h.get(), grace)) {
            h.get().destroyForcibly();
            waitGone(h.get(), Duration.ofSeconds(10));
        }
        removePidFile();
        return true;
    }

    /** SIGKILL at once: the crash a test wants to survive. */
    public boolean kill9() {
        Optional<ProcessHandle> h = handle();
        h.ifPresent(p -> {
            p.destroyForcibly();
            waitGone(p, Duration.ofSeconds(10));
        });
        return h.isPresent();
    }

    /** Sends {@code signal} ("STOP", "CONT") to the process; false when it is not running. */
    public boolean signal(String signal) throws IOException, InterruptedException {
        Optional<ProcessHandle> h = handle();
        if (h.isEmpty()) {
            return false;
        }
        // bash's own kill: a bare Debian may have no procps, hence no kill program
        return new ProcessBuilder("bash", "-c", "kill -" + signal + " " + h.get().pid()).inheritIO().start()
                .waitFor() == 0;
    }

    private static boolean waitGone(ProcessHandle h, Duration timeout) {
        try {
            h.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !h.isAlive();
        }
    }

    private void removePidFile() {
        try {
            Files.deleteIfExists(layout.pidFile(name));
        } catch (IOException ignored) {
            // a stale pid file is harmless: handle() checks the process behind it
        }
    }

    /** The last lines of this daemon's log, for error messages that say where to look. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(layout.logFile(name));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + layout.logFile(name) + ")";
        }
    }
}
