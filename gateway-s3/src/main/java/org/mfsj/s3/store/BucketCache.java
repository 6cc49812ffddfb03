package org.mfsj.s3.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.mfsj.common.types.Attr;

/**
 * Bucket directories found recently, so most requests skip the master call that looks their bucket
 * up. An entry lives {@code ttlNanos} at most: a bucket removed or replaced through another door
 * or gateway is seen that late at worst (requests meanwhile fail as on a missing bucket). Entries
 * are per uid, since the lookup's search permission is the caller's.
 */
public final class BucketCache {
    private static final int MAX_ENTRIES = 10_000;

    private record Key(String name, int uid) {
    }

    private record Entry(Attr attr, long expiresNanos) {
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    public BucketCache(long ttlNanos, LongSupplier nanoTime) {
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
    }

    /** The cached directory, or null when absent or expired. */
    public Attr get(String name, int uid) {
        Entry e = entries.get(new Key(name, uid));
        if (e == null) {
            return null;
        }
        if (nanoTime.getAsLong() - e.expiresNanos >= 0) {
            entries.remove(new Key(name, uid), e);
            return null;
        }
        return e.attr;
    }

    public void put(String name, int uid, Attr dir) {
        if (entries.size() >= MAX_ENTRIES) {
            // many users times many buckets: start over rather than keep an index of ages
            entries.clear();
        }
        entries.put(new Key(name, uid), new Entry(dir, nanoTime.getAsLong() + ttlNanos));
    }

    /** Forgets a bucket for every user: this gateway made or removed it. */
    public void forget(String name) {
        entries.keySet().removeIf(k -> k.name.equals(name));
    }
}
