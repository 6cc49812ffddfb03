package org.mfsj.s3.store;

import java.util.function.LongSupplier;

/**
 * The directories that keys' parent paths lead to (a bucket's {@code a/b} for key {@code a/b/c}),
 * found or made recently, so a PUT of a key with a {@code /} skips the lookups that find its
 * directory. An entry lives {@code ttlNanos} at most. The PUT's publish carries the path the entry
 * stands for, and the master checks it still leads to the directory: one another client (FUSE,
 * NFS) moved or removed meanwhile makes the publish fail with nothing changed, and the PUT then
 * forgets the entry and finds the directory again, instead of putting the object where the
 * directory went. Entries are per uid, since the lookups' search permission is the caller's.
 */
final class KeyDirCache {
    private record Key(int uid, long bucket, String path) {
    }

    private final RecentCache<Key, Long> entries;

    KeyDirCache(long ttlNanos, LongSupplier nanoTime) {
        this.entries = new RecentCache<>(ttlNanos, nanoTime);
    }

    /** The directory at {@code path} below {@code bucket}, or 0 when not known. */
    long get(int uid, long bucket, String path) {
        Long dir = entries.get(new Key(uid, bucket, path));
        return dir == null ? 0 : dir;
    }

    void put(int uid, long bucket, String path, long dir) {
        entries.put(new Key(uid, bucket, path), dir);
    }

    /** Forgets every directory below {@code bucket}: this gateway removed one there. */
    void forgetBucket(long bucket) {
        entries.forgetIf(k -> k.bucket == bucket);
    }
}
