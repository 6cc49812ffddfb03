package org.mfsj.fuse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.mfsj.client.MfsClient;
import org.mfsj.fuse.context.ProcGroups;
import org.mfsj.fuse.lowlevel.FuseSession;
import org.mfsj.fuse.lowlevel.Kernel;
import org.mfsj.fuse.lowlevel.KernelReadAhead;
import org.mfsj.fuse.lowlevel.LibFuse2;
import org.mfsj.fuse.lowlevel.ListingWarmUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mounted file system: mounted by libfuse's low-level API, its request loop on a thread of its
 * own. {@link #close} unmounts with {@code fusermount -u} (lazily if the mount stays busy) and
 * waits for the loop to end. The client stays the caller's to close.
 */
public final class FuseMount implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FuseMount.class);
    private static final long POLL_MS = 20;

    private final Path mountpoint;
    private final MfsClient client;
    private final LowLevelFs fs;
    private final FuseSession session;
    private final Thread loop;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private FuseMount(Path mountpoint, MfsClient client, LowLevelFs fs, FuseSession session) {
        this.mountpoint = mountpoint;
        this.client = client;
        this.fs = fs;
        this.session = session;
        this.loop = new Thread(this::runLoop, "fuse-loop " + mountpoint);
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
        LibFuse2 lib;
        try {
            lib = LibFuse2.load();
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("libfuse.so.2 cannot be loaded (" + e.getMessage()
                    + "); install Debian's libfuse2 (apt-get install libfuse2 fuse3)", e);
        }
        CacheSettings cache = opts.cache();
        Kernel kernel = new Kernel(lib, client.rootInode(), cache.attrTimeout(), cache.entryTimeout(),
                ProcGroups.system());
        LowLevelFs fs = new LowLevelFs(Ops.create(client, cache), kernel);
        String options = opts.libfuseOptions();
        FuseSession session = FuseSession.mount(lib, kernel, mp, options, fs.table());
        FuseMount m = new FuseMount(mp, client, fs, session);
        m.loop.start();
        m.awaitReady(readyTimeout);
        String device = MountTable.device(mp);
        if (device != null) {
            // a stat waits for the kernel's INIT exchange, which would cut a window set before it to its own
            Files.readAttributes(mp, BasicFileAttributes.class);
            KernelReadAhead.system().set(device, KernelReadAhead.DEFAULT_KIB);
        }
        LOG.info("mounted at {} (device {}, -o {})", mp, device, options);
        ListingWarmUp.inBackground();
        return m;
    }

    private void runLoop() {
        try {
            int rc = session.loop();
            if (rc != 0) {
                LOG.warn("libfuse's request loop at {} ended with {}", mountpoint, rc);
            }
        } catch (RuntimeException | Error e) {
            failure.set(e);
        } finally {
            session.close();
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

    public LowLevelFs fs() {
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
        LOG.info("unmounted {}; master requests={} {}; mean round trip us {}; calls:\n{}", mountpoint,
                client.metrics().masterCalls(), client.metrics().masterCallsByType(),
                client.metrics().masterMeanMicrosByType(), fs.calls().summary());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
