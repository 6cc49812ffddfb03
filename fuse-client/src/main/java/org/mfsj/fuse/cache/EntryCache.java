package org.mfsj.fuse.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Names seen recently: (directory inode, name) to child inode, each valid for a fixed time. Keyed
 * by the parent's inode rather than by path, so renaming a directory leaves the entries below it
 * valid and only the two names a rename touches need dropping.
 */
public final class EntryCache {
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier clock;
    private final Map<Key, Entry> map = new ConcurrentHashMap<>();

    public EntryCache(long ttlNanos, int maxEntries, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The child inode, or 0 when unknown or expired. */
    public long get(long parent, String name) {
        if (ttlNanos <= 0) {
            return 0;
        }
        Key k = new Key(parent, name);
        Entry e = map.get(k);
        if (e == null) {
            return 0;
        }
        if (clock.getAsLong() - e.at >= ttlNanos) {
            map.remove(k, e);
            return 0;
        }
        return e.inode;
    }

    public void put(long parent, String name, long inode) {
        if (ttlNanos <= 0) {
            return;
        }
        if (map.size() >= maxEntries) {
            // crude but bounded: a cold cache costs lookups, never correctness
            map.clear();
        }
        map.put(new Key(parent, name), new Entry(inode, clock.getAsLong()));
    }

    public void remove(long parent, String name) {
        map.remove(new Key(parent, name));
    }

    public int size() {
        return map.size();
    }

    private record Key(long parent, String name) {
    }

    private record Entry(long inode, long at) {
    }
}
