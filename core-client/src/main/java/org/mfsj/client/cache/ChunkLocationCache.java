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
    /** Above this many entries a put first sweeps out the expired ones. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Key(long inode, int index) {
    }

    private record Entry(ChunkLocation location, long expiresAt) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoClock;

    /** @param nanoClock a monotonic clock (System::nanoTime outside tests) */
    public ChunkLocationCache(long ttlNanos, LongSupplier nanoClock) {
        this.ttlNanos = ttlNanos;
        this.nanoClock = nanoClock;
    }

    /** The cached location, or null when absent or expired. */
    public ChunkLocation get(long inode, int index) {
        Key k = new Key(inode, index);
        Entry e = entries.get(k);
        if (e == null) {
            return null;
        }
        if (nanoClock.getAsLong() - e.expiresAt >= 0) {
            entries.remove(k, e);
            return null;
        }
        return e.location;
    }

    public void put(ChunkLocation loc) {
        long now = nanoClock.getAsLong();
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(e -> now - e.expiresAt >= 0);
        }
        entries.put(new Key(loc.inode(), loc.index()), new Entry(loc, now + ttlNanos));
    }

    public void invalidate(long inode, int index) {
        entries.remove(new Key(inode, index));
    }

    /** Drops only the given entry, so a fresher one another thread just stored survives. */
    public void invalidate(ChunkLocation stale) {
        Key k = new Key(stale.inode(), stale.index());
        entries.computeIfPresent(k, (key, e) -> e.location.equals(stale) ? null : e);
    }

    /** Drops every chunk of a file (after a truncate, say). */
    public void invalidateInode(long inode) {
        entries.keySet().removeIf(k -> k.inode == inode);
    }

    public int size() {
        return entries.size();
    }
}
