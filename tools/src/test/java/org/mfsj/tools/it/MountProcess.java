package org.mfsj.tools.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.fuse.MountTable;
import org.mfsj.tools.cluster.DaemonProcess;

/**
 * {@code mfs mount MOUNTPOINT -f} as a process of its own, as users run it. {@link #close} always
 * unmounts (fusermount -u, lazily if busy) and ends the process, and a JVM that dies first does the
 * same from a shutdown hook.
 */
final class MountProcess implements AutoCloseable {
    private final Path mountpoint;
    private final Path log;
    private final Process process;
    private final Thread reaper;

    private MountProcess(Path mountpoint, Path log, Process process) {
        this.mountpoint = mountpoint;
        this.log = log;
        this.process = process;
        this.reaper = new Thread(this::unmountAndStop, "mount-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    static MountProcess start(Path mountpoint, ServerAddress master, String... options)
            throws IOException, InterruptedException {
        Files.createDirectories(mountpoint);
        Path log = mountpoint.resolveSibling(mountpoint.getFileName() + ".log");
        List<String> args = new ArrayList<>(List.of("mount", mountpoint.toString(), "-H", master.host(), "-P",
                Integer.toString(master.port()), "-f"));
        for (String o : options) {
            args.addAll(List.of("-o", o));
        }
        Process p = DaemonProcess.launchDetached(List.of("-Xmx512m", "-XX:+UseParallelGC"), args, log);
        MountProcess m = new MountProcess(mountpoint, log, p);
        try {
            ClusterFixture.await("mount at " + mountpoint, Duration.ofSeconds(60), () -> {
                if (!p.isAlive()) {
                    throw new AssertionError("mount process exited " + p.exitValue() + "; log:\n" + m.logText());
                }
                return MountTable.isMounted(mountpoint) && !MountTable.isStale(mountpoint);
            });
        } catch (AssertionError | InterruptedException e) {
            m.close();
            throw e;
        }
        return m;
    }

    Path path() {
        return mountpoint;
    }

    Path path(String relative) {
        return mountpoint.resolve(relative);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log " + log + ")";
        }
    }

    @Override
    public void close() {
        unmountAndStop();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException ignored) {
            // the JVM is going down: the hook runs anyway
        }
    }

    private void unmountAndStop() {
        for (int i = 0; i < 20 && MountTable.isMounted(mountpoint); i++) {
            if (!MountTable.fusermountU(mountpoint, false)) {
                sleep(250);
            }
        }
        if (MountTable.isMounted(mountpoint)) {
            MountTable.fusermountU(mountpoint, true);
        }
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (MountTable.isMounted(mountpoint)) {
            MountTable.fusermountU(mountpoint, true);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
