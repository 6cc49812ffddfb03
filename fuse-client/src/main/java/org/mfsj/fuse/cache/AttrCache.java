package org.mfsj.fuse.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
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
        Entry e = map.get(inode);
        if (e == null || clock.getAsLong() - e.at >= ttlNanos) {
            return null;
        }
        return e.attr;
    }

    /** The last attributes stored, expired or not (null when none): to tell whether a file changed. */
    public Attr peek(long inode) {
        Entry e = map.get(inode);
        return e == null ? null : e.attr;
    }

    public void put(Attr a) {
        if (map.size() >= maxEntries) {
            map.clear();
        }
        map.put(a.inode(), new Entry(a, clock.getAsLong()));
    }

    /**
     * Attributes a change of this mount's returned: kept unless the cache already holds a later
     * state of the inode (by ctime), since replies of concurrent changes can arrive out of order.
     */
    public void putUnlessOlder(Attr a) {
        Entry fresh = new Entry(a, clock.getAsLong());
        map.merge(a.inode(), fresh, (old, now) -> old.attr.ctimeNanos() > now.attr.ctimeNanos() ? old : now);
    }

    /**
     * This mount wrote up to {@code end}: a cached length short of it grows (the entry keeps its
     * age), so a stat in the middle of a stream of writes needs no master round trip.
     */
    public void written(long inode, long end) {
        map.computeIfPresent(inode, (k, e) -> e.attr.length() >= end ? e : new Entry(e.attr.withLength(end), e.at));
    }

    /** Replaces the cached attributes of {@code inode} by {@code how} of them, keeping their age. */
    public void restate(long inode, UnaryOperator<Attr> how) {
        map.computeIfPresent(inode, (k, e) -> new Entry(how.apply(e.attr), e.at));
    }

    /** Expires the entry; {@link #peek} still sees it. */
    public void invalidate(long inode) {
        map.computeIfPresent(inode, (k, e) -> new Entry(e.attr, clock.getAsLong() - ttlNanos));
    }

    private record Entry(Attr attr, long at) {
    }
}
