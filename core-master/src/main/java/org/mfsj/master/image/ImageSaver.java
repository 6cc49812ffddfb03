package org.mfsj.master.image;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mfsj.master.changelog.LogCursor;
import org.mfsj.master.changelog.MetaLog;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.MetaState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes new images in the background without touching the live state: it loads the current
 * image into a private state, applies the durable changelog after it (the same apply as live and
 * start-up), and saves the result. The master thread never pauses for an image; the price is a
 * second copy of the metadata in memory while one is being made. Afterwards, changelog segments
 * the previous image already holds are dropped, keeping at least the configured number.
 */
public final class ImageSaver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImageSaver.class);

    private final Path dir;
    private final MetaLog log;
    private final Clock clock;
    private final int keepSegments;
    private final ScheduledExecutorService thread;

    public ImageSaver(Path dir, MetaLog log, Clock clock, int keepSegments) {
        this.dir = dir;
        this.log = log;
        this.clock = clock;
        this.keepSegments = keepSegments;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mfsmaster-image");
            t.setDaemon(true);
            return t;
        });
    }

    /** Saves an image every {@code period}. */
    public void schedule(Duration period) {
        long ms = Math.max(1000, period.toMillis());
        thread.scheduleWithFixedDelay(() -> {
            try {
                save();
            } catch (IOException | RuntimeException e) {
                LOG.error("scheduled image save in {} failed; the changelog still holds every change", dir, e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Saves an image now, in the background; completes with the version it holds. */
    public CompletableFuture<Long> saveNow() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return save();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, thread);
    }

    /** Runs on the saver's thread: one image at a time. */
    private long save() throws IOException {
        long started = System.nanoTime();
        long target = log.durableVersion();
        Path image = dir.resolve(ImageFormat.NAME);
        MetaState state = ImageReader.load(image, clock);
        long base = state.version();
        if (base >= target) {
            return base;
        }
        log.rotate();
        try (LogCursor c = log.read(base + 1)) {
            for (LogEntry e = c.next(); e != null; e = c.next()) {
                state.apply(e);
            }
        }
        ImageWriter.write(state, dir);
        LOG.info("image {} saved at version {} ({} inodes) in {} ms", image, state.version(),
                state.namespace().tree().inodeCount(), (System.nanoTime() - started) / 1_000_000);
        log.dropCovered(base, keepSegments);
        return state.version();
    }

    @Override
    public void close() {
        ExecutorService t = thread;
        t.shutdownNow();
        try {
            t.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
