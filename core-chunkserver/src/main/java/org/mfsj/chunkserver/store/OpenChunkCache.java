package org.mfsj.chunkserver.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the number of open chunk files, closing the least recently used. Touching an entry is
 * lock-free (a stamp from a counter) so the hot read/write path of different chunks never
 * contends here; only opening a file past the limit scans the open set. That scan (a copy and a
 * sort of every open entry) closes an eighth of the limit at once, so a store that creates a chunk
 * per small object (the S3 gateway's PUTs) pays it once per that many opens, not on every one.
 *
 * <p>A victim is closed only if its write lock can be taken without waiting: a chunk in use is
 * skipped, so the set may briefly exceed the limit by the number of operations in flight, and
 * no thread ever waits for another chunk's lock (no deadlock between two openers).
 */
final class OpenChunkCache {
    private final int capacity;
    /** What an eviction pass closes down to. */
    private final int lowWater;
    private final Set<ChunkEntry> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong clock = new AtomicLong();

    OpenChunkCache(int capacity) {
        this.capacity = capacity;
        this.lowWater = capacity - Math.max(1, capacity / 8);
    }

    void touch(ChunkEntry e) {
        e.lastUse = clock.incrementAndGet();
    }

    /** Registers a freshly opened entry and evicts others if over the limit. */
    void opened(ChunkEntry e) {
        touch(e);
        open.add(e);
        if (open.size() > capacity) {
            evictExcept(e);
        }
    }

    /** The entry's file was closed by its owner (delete, failure, shutdown). */
    void closed(ChunkEntry e) {
        open.remove(e);
    }

    int size() {
        return open.size();
    }

    private synchronized void evictExcept(ChunkEntry keep) {
        if (open.size() <= capacity) {
            return;
        }
        List<ChunkEntry> byAge = new ArrayList<>(open);
        byAge.sort(Comparator.comparingLong(c -> c.lastUse));
        for (ChunkEntry victim : byAge) {
            if (open.size() <= lowWater) {
                return;
            }
            if (victim != keep && victim.lock.writeLock().tryLock()) {
                try {
                    victim.closeFile();
                    open.remove(victim);
                } finally {
                    victim.lock.writeLock().unlock();
                }
            }
        }
    }
}
