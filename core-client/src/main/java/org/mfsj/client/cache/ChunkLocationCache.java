package org.mfsj.client.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Chunk locations per (inode, chunk index), kept a few seconds so a sequential reader asks the
 * master once per chunk rather than once per read. Entries go on any read error (the copy may be
 * gone), when this client writes the chunk (its version changes) and when they age out, so
 * another client's writes show up within the time-to-live.
 */
public final class ChunkLocationCache {
    /** Above this many files a put first sweeps out the expired entries (at most once per time-to-live). */
    private static final int SWEEP_ABOVE = 10_000;

    private record Entry(ChunkLocation location, long expiresAt) {
        boolean expired(long now) {
            return now - expiresAt >= 0;
        }
    }

    // by inode, then chunk index: a file's entries go in one step, not in a scan of every file's
    // (the S3 gateway drops an object's entries on every GET); inner maps change only inside the
    // outer map's compute, so an emptied one is removed with its last entry
    private final Map<Long, Map<Integer, Entry>> files = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private volatile long nextSweep;

    /** @param nanoClock a monotonic clock (System::nanoTime outside tests) */
    public ChunkLocationCache(long ttlNanos, LongSupplier nanoClock) {
        this.ttlNanos = ttlNanos;
        this.nanoClock = nanoClock;
    }

    /** The cached location, or null when absent or expired. */
    public ChunkLocation get(long inode, int index) {
        Map<Integer, Entry> chunks = files.get(inode);
        Entry e = chunks == null ? null : chunks.get(index);
        if (e == null) {
            return null;
        }
        if (e.expired(nanoClock.getAsLong())) {
            remove(inode, index, e);
            return null;
        }
        return e.location;
    }

    public void put(ChunkLocation loc) {
        long now = nanoClock.getAsLong();
        if (files.size() > SWEEP_ABOVE && now - nextSweep >= 0) {
            // a cache full of live entries would otherwise be scanned by every put
            nextSweep = now + ttlNanos;
            sweep(now);
        }
        Entry e = new Entry(loc, now + ttlNanos);
        files.compute(loc.inode(), (inode, chunks) -> {
            Map<Integer, Entry> m = chunks != null ? chunks : new ConcurrentHashMap<>(2);
            m.put(loc.index(), e);
            return m;
        });
    }

    public void invalidate(long inode, int index) {
        remove(inode, index, null);
    }

    /** Drops only the given entry, so a fresher one another thread just stored survives. */
    public void invalidate(ChunkLocation stale) {
        files.computeIfPresent(stale.inode(), (inode, chunks) -> {
            chunks.computeIfPresent(stale.index(), (index, e) -> e.location.equals(stale) ? null : e);
            return chunks.isEmpty() ? null : chunks;
        });
    }

    /** Drops every chunk of a file (after a truncate, say). */
    public void invalidateInode(long inode) {
        files.remove(inode);
    }

    /** Cached entries, expired ones not yet swept included. */
    public int size() {
        return files.values().stream().mapToInt(Map::size).sum();
    }

    /** Removes the entry at (inode, index): any entry when {@code only} is null, else only that one. */
    private void remove(long inode, int index, Entry only) {
        files.computeIfPresent(inode, (k, chunks) -> {
            if (only == null) {
                chunks.remove(index);
            } else {
                chunks.remove(index, only);
            }
            return chunks.isEmpty() ? null : chunks;
        });
    }

    private void sweep(long now) {
        for (Long inode : files.keySet()) {
            files.computeIfPresent(inode, (k, chunks) -> {
                chunks.values().removeIf(e -> e.expired(now));
                return chunks.isEmpty() ? null : chunks;
            });
        }
    }
}
