package org.mfsj.nfs.fs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.mfsj.common.types.Attr;

/**
 * Attributes this gateway saw lately, by inode, each kept for a short time: what a handle's
 * resolution (every NFS call names its file or directory by handle) and GETATTR serve instead of
 * asking the master again, as an NFS client's own attribute cache or the FUSE door's kernel cache
 * does. Every change made through this gateway replaces or drops the entries it touches, so a
 * client of this gateway sees its own changes at once; a change made through another door or
 * gateway shows once the entry ages out. A zero time keeps nothing.
 *
 * <p>Each entry is stamped with when its attributes were asked for. Newer questions replace older
 * ones, and {@link #forget} leaves a stamp that refuses every answer to a question asked before
 * it: a slow reply from before a change can never hide the change.
 */
public final class AttrCache {
    /** Above this many entries, the next insert first clears the table: entries live a second anyway. */
    static final int MAX_ENTRIES = 1 << 17;

    /** {@code attr} null: dropped at {@code askedNanos}. */
    private record Entry(Attr attr, long askedNanos) {
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    public AttrCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The time to stamp a question to the master with, taken before it is sent. */
    public long now() {
        return nanoTime.getAsLong();
    }

    /** The attributes of {@code inode} if asked for less than the time ago, else null. */
    public Attr fresh(long inode) {
        if (ttlNanos <= 0) {
            return null;
        }
        Entry e = entries.get(inode);
        if (e == null) {
            return null;
        }
        if (nanoTime.getAsLong() - e.askedNanos() >= ttlNanos) {
            entries.remove(inode, e);
            return null;
        }
        return e.attr();
    }

    /** Attributes the master gave for a question asked at {@code askedNanos}; null is ignored. */
    public void put(Attr a, long askedNanos) {
        if (ttlNanos <= 0 || a == null) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.merge(a.inode(), new Entry(a, askedNanos), (old, neu) -> old.askedNanos() > neu.askedNanos() ? old : neu);
    }

    /** {@code inode} changed in a way whose attributes this gateway does not have: ask the master next time. */
    public void forget(long inode) {
        if (ttlNanos > 0) {
            entries.put(inode, new Entry(null, nanoTime.getAsLong()));
        }
    }
}
