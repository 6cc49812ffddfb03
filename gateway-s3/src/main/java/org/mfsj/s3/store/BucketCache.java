package org.mfsj.s3.store;

import java.util.function.LongSupplier;
import org.mfsj.common.types.Attr;

/**
 * Bucket directories found recently, so most requests skip the master call that looks their bucket
 * up. An entry lives {@code ttlNanos} at most: a bucket removed or replaced through another door
 * or gateway is seen that late at worst (requests meanwhile fail as on a missing bucket). Entries
 * are per uid, since the lookup's search permission is the caller's.
 */
public final class BucketCache {
    private record Key(String name, int uid) {
    }

    private final RecentCache<Key, Attr> entries;

    public BucketCache(long ttlNanos, LongSupplier nanoTime) {
        this.entries = new RecentCache<>(ttlNanos, nanoTime);
    }

    /** The cached directory, or null when absent or expired. */
    public Attr get(String name, int uid) {
        return entries.get(new Key(name, uid));
    }

    public void put(String name, int uid, Attr dir) {
        entries.put(new Key(name, uid), dir);
    }

    /** Forgets a bucket for every user: this gateway made or removed it. */
    public void forget(String name) {
        entries.forgetIf(k -> k.name.equals(name));
    }
}
