package org.mfsj.chunkserver.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Free space per disk as a test sets it; every disk is 1 TiB. */
final class FakeSpace implements SpaceProbe {
    static final long TOTAL = 1L << 40;
    private final Map<Path, Long> usable = new ConcurrentHashMap<>();

    FakeSpace set(Path disk, long bytes) {
        usable.put(disk, bytes);
        return this;
    }

    @Override
    public long totalBytes(Path disk) {
        return TOTAL;
    }

    @Override
    public long usableBytes(Path disk) throws IOException {
        Long v = usable.get(disk);
        if (v == null) {
            throw new IOException("no space configured for " + disk);
        }
        return v;
    }
}
