package org.mfsj.chunkserver.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** One data directory at run time: its health and how many indexed chunks it holds. */
final class Disk {
    private final Path path;
    private final boolean markedForRemoval;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final AtomicInteger chunkCount = new AtomicInteger();

    Disk(DiskSpec spec) {
        this.path = spec.path();
        this.markedForRemoval = spec.markedForRemoval();
    }

    Path path() {
        return path;
    }

    boolean markedForRemoval() {
        return markedForRemoval;
    }

    boolean failed() {
        return failed.get();
    }

    /** True for the one caller that actually moved the disk to failed. */
    boolean markFailed() {
        return failed.compareAndSet(false, true);
    }

    int chunkCount() {
        return chunkCount.get();
    }

    void chunkAdded() {
        chunkCount.incrementAndGet();
    }

    void chunkRemoved() {
        chunkCount.decrementAndGet();
    }

    /** Can new chunks go here at all (space aside)? */
    boolean acceptsNewChunks() {
        return !failed() && !markedForRemoval;
    }

    DiskInfo info(SpaceProbe space) {
        long total = 0;
        long used = 0;
        if (!failed()) {
            try {
                total = space.totalBytes(path);
                used = Math.max(0, total - space.usableBytes(path));
            } catch (IOException e) {
                // reported as zero; the next I/O on the disk decides whether it has failed
                total = 0;
                used = 0;
            }
        }
        return new DiskInfo(path, used, total, chunkCount(), failed(), markedForRemoval);
    }
}
