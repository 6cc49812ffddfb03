package org.mfsj.fuse.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.mfsj.common.types.Attr;

/** Attributes by inode, each valid for a fixed time; dropped by every change made through this mount. */
public final class AttrCache {
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier clock;
    private final Map<Long, Entry> map = new ConcurrentHashMap<>();

    public AttrCache(long ttlNanos, int maxEntries, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The cached attributes, or null when unknown or expired. */
    public Attr get(long inode) {
        if (ttlNanos <= 0) {
            return null;
        }
        Entry e = map.get(inode);
        if (e == null) {
            return null;
        }
        if (clock.getAsLong() - e.at >= ttlNanos) {
            map.remove(inode, e);
            return null;
        }
        return e.attr;
    }

    public void put(Attr a) {
        if (ttlNanos <= 0) {
            return;
        }
        if (map.size() >= maxEntries) {
            map.clear();
        }
        map.put(a.inode(), new Entry(a, clock.getAsLong()));
    }

    public void invalidate(long inode) {
        map.remove(inode);
    }

    private record Entry(Attr attr, long at) {
    }
}
