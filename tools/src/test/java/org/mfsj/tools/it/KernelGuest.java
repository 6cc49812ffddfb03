package org.mfsj.tools.it;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Linux guest under qemu (pure emulation: no KVM here) whose kernel NFS client mounts the
 * gateway. {@code nfs-guest/build-guest.sh} makes its kernel and initramfs from Debian's packages;
 * the guest reaches the host's loopback as 10.0.2.2 through qemu's user-mode network and writes
 * what it saw, one fact per line, to its second serial port.
 */
final class KernelGuest {
    /** Why no guest could be made: qemu, the kernel package or a build tool is missing. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final Path dir;

    private KernelGuest(Path dir) {
        this.dir = dir;
    }

    /** Builds kernel and initramfs into {@code dir}; the kernel package is cached between runs. */
    static KernelGuest build(Path dir) throws IOException, InterruptedException, Unavailable {
        if (!onPath("qemu-system-x86_64")) {
            throw new Unavailable("qemu-system-x86_64 is missing: apt-get install qemu-system-x86 (bin/test does)");
        }
        Path script = resource("build-guest.sh");
        Files.createDirectories(dir);
        Path log = dir.resolve("build.log");
        Process p = new ProcessBuilder("bash", script.toString(), dir.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new Unavailable("build-guest.sh did not finish in 10 minutes; its output: " + Files.readString(log));
        }
        if (p.exitValue() != 0) {
            throw new Unavailable("build-guest.sh failed (exit " + p.exitValue() + "): " + Files.readString(log));
        }
        return new KernelGuest(dir);
    }

    /**
     * Boots the guest; it runs the scenario for each of {@code versions} ("4.1", "4.0", "3")
     * against the gateway on the host's {@code nfsPort} and {@code mountPort}, then, with
     * {@code restart}, the restart phase (restart.sh), then powers off.
     */
    Running start(int nfsPort, int mountPort, List<String> versions, boolean restart) throws IOException {
        String append = "console=ttyS0 panic=-1 loglevel=5 mfs.nfs=" + nfsPort + " mfs.mount=" + mountPort
                + " mfs.versions=" + String.join(",", versions) + " mfs.restart=" + (restart ? 1 : 0);
        List<String> cmd = List.of("qemu-system-x86_64", "-accel", "tcg", "-m", "512", "-smp", "1", "-nodefaults",
                "-no-reboot", "-display", "none", "-monitor", "none",
                "-kernel", dir.resolve("vmlinuz").toString(), "-initrd", dir.resolve("initramfs.gz").toString(),
                "-append", append, "-netdev", "user,id=net0", "-device", "virtio-net-pci,netdev=net0,romfile=",
                "-serial", "file:" + dir.resolve("console.log"), "-serial", "file:" + dir.resolve("facts.log"));
        Files.deleteIfExists(dir.resolve("facts.log"));
        Process qemu = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.log").toFile()).start();
        return new Running(qemu);
    }

    /** A guest under way. */
    final class Running {
        private final Process qemu;

        private Running(Process qemu) {
            this.qemu = qemu;
        }

        /** Waits until the guest reported {@code step} of {@code version}; false if it stopped or took too long. */
        boolean awaitStep(String version, String step, Duration timeout) throws IOException, InterruptedException {
            String prefix = "@@ " + version + " " + step + " ";
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && qemu.isAlive()) {
                if (read(dir.resolve("facts.log")).lines().anyMatch(l -> l.startsWith(prefix))) {
                    return true;
                }
                Thread.sleep(200);
            }
            return false;
        }

        /** Waits for the guest to power off (killing it after {@code timeout}); what it reported. */
        GuestFacts finish(Duration timeout) throws IOException, InterruptedException {
            boolean finished = qemu.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                qemu.destroyForcibly().waitFor();
            }
            return GuestFacts.parse(read(dir.resolve("facts.log")),
                    read(dir.resolve("console.log")) + read(dir.resolve("qemu.log")), finished);
        }

        /** Kills qemu if it still runs: a failed test must not leave it behind. */
        void kill() throws InterruptedException {
            if (qemu.isAlive()) {
                qemu.destroyForcibly().waitFor();
            }
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static Path resource(String name) throws IOException {
        try {
            return Path.of(KernelGuest.class.getResource("/nfs-guest/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("test resource nfs-guest/" + name + " is not on the class path as a file", e);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(":")) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
