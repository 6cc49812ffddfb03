package org.mfsj.s3.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Namespace facts found recently (a bucket's directory, a key's parent directory), so most
 * requests skip the master calls that find them again. An entry lives {@code ttlNanos} at most:
 * a directory removed or replaced through another door or gateway is seen that late at worst.
 */
final class RecentCache<K, V> {
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, long expiresNanos) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    RecentCache(long ttlNanos, LongSupplier nanoTime) {
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
    }

    /** The cached value, or null when absent or expired. */
    V get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (nanoTime.getAsLong() - e.expiresNanos >= 0) {
            entries.remove(key, e);
            return null;
        }
        return e.value;
    }

    void put(K key, V value) {
        if (entries.size() >= MAX_ENTRIES) {
            // many users times many names: start over rather than keep an index of ages
            entries.clear();
        }
        entries.put(key, new Entry<>(value, nanoTime.getAsLong() + ttlNanos));
    }

    void forgetIf(Predicate<K> which) {
        entries.keySet().removeIf(which);
    }
}
