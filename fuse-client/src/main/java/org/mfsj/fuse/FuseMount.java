package org.mfsj.fuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.mfsj.client.MfsClient;
import org.mfsj.fuse.locks.LocalLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mounted file system: libfuse's loop on a thread of its own, ready once the kernel lists the
 * mount point. {@link #close} unmounts with {@code fusermount -u} (lazily if the mount stays busy)
 * and waits for the loop to end. The client stays the caller's to close.
 */
public final class FuseMount implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FuseMount.class);
    private static final long POLL_MS = 20;

    private final Path mountpoint;
    private final MfsFuse fs;
    private final Thread loop;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private FuseMount(Path mountpoint, MfsFuse fs, String[] args) {
        this.mountpoint = mountpoint;
        this.fs = fs;
        this.loop = new Thread(() -> runLoop(args), "fuse-loop " + mountpoint);
        this.loop.setDaemon(true);
    }

    /** Mounts {@code client}'s namespace at {@code mountpoint}; returns once it is usable. */
    public static FuseMount start(MfsClient client, MountOptions opts, Path mountpoint, Duration readyTimeout)
            throws IOException {
        Path mp = mountpoint.toAbsolutePath().normalize();
        if (MountTable.isStale(mp)) {
            LOG.warn("mount point {} holds a dead mount; detaching it first", mp);
            MountTable.fusermountU(mp, true);
        } else if (MountTable.isMounted(mp)) {
            throw new IOException("mount point " + mp + " is already mounted");
        }
        if (!Files.isDirectory(mp)) {
            throw new IOException("mount point " + mp + " is not a directory");
        }
        if (opts.password() != null) {
            LOG.warn("mfspassword given: the master does not check passwords yet, so it is not sent");
        }
        MfsFuse fs = new MfsFuse("mfsj", callers -> Ops.create(client, opts.cache(), callers, new LocalLocks()));
        String[] args = opts.libfuseArgs();
        FuseMount m = new FuseMount(mp, fs, args);
        m.loop.start();
        m.awaitReady(readyTimeout);
        LOG.info("mounted at {} ({})", mp, String.join(" ", args));
        return m;
    }

    private void runLoop(String[] args) {
        try {
            fs.mount(mountpoint, true, false, args);
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!MountTable.isMounted(mountpoint)) {
            Throwable f = failure.get();
            if (f != null || !loop.isAlive()) {
                throw new IOException("mounting at " + mountpoint + " failed"
                        + (f == null ? " (libfuse gave up; see its message above)" : ": " + f.getMessage()), f);
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IOException("mount at " + mountpoint + " not ready after " + timeout.toSeconds() + " s");
            }
            sleep(POLL_MS);
        }
    }

    public Path mountpoint() {
        return mountpoint;
    }

    public MfsFuse fs() {
        return fs;
    }

    /** Blocks until the file system is unmounted (by {@link #close}, fusermount -u or umount). */
    public void awaitUnmount() throws InterruptedException {
        loop.join();
    }

    /** Unmounts; a busy mount is given a few seconds, then detached lazily. */
    @Override
    public void close() {
        if (MountTable.isMounted(mountpoint)) {
            boolean done = false;
            for (int i = 0; i < 25 && !done; i++) {
                done = MountTable.fusermountU(mountpoint, false) || !MountTable.isMounted(mountpoint);
                if (!done) {
                    sleep(200);
                }
            }
            if (!done) {
                LOG.warn("{} stayed busy; detaching it lazily", mountpoint);
                MountTable.fusermountU(mountpoint, true);
            }
        }
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("unmounted {}; calls:\n{}", mountpoint, fs.calls().summary());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
