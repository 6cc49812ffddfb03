package org.mfsj.fuse.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.mfsj.common.types.NameList;

/**
 * Whole directory listings by directory inode, each valid for a fixed time and dropped by every
 * change this mount makes in the directory: a program that lists a directory again and again (a
 * build, a shell's completion, find) asks the master once per timeout. Large directories are not
 * kept; they are listed page by page as they are read.
 */
public final class Listings {
    public static final int MAX_ENTRIES = 100_000;
    private static final int MAX_DIRS = 256;
    private static final int MAX_TRACKED = 10_000;
    /** The share of a directory's names asked alone that makes it due to be listed: see {@link #askedAlone}. */
    private static final int RUN_SHARE = 16;

    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<Long, Listing> map = new ConcurrentHashMap<>();
    /** The last page with attributes read of each directory, by a listing: see {@link #relistDue}. */
    private final Map<Long, PageRead> pagesRead = new ConcurrentHashMap<>();
    /** Names of each directory asked of the master one at a time lately: see {@link #askedAlone}. */
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    /** When each directory last changed through this mount: a listing read across a change is stale. */
    private final Map<Long, Long> changedAt = new ConcurrentHashMap<>();
    /** Listings begun before this are refused (set when changedAt is emptied to stay bounded). */
    private volatile long floor = Long.MIN_VALUE;

    public Listings(long ttlNanos, LongSupplier clock) {
        this.ttlNanos = ttlNanos;
        this.clock = clock;
    }

    /** Every entry of {@code dir} in listing order, or null when unknown or expired. */
    public NameList get(long dir) {
        Listing l = map.get(dir);
        if (l == null || clock.getAsLong() - l.at >= ttlNanos) {
            return null;
        }
        return l.entries;
    }

    /** A page of {@code entries} entries of {@code dir} came from the master with attributes. */
    public void pageRead(long dir, int entries) {
        long now = clock.getAsLong();
        read(dir, new PageRead(now, entries, now));
    }

    /**
     * A page of {@code entries} names of {@code dir} came from the master without attributes: the
     * first lookup of one of them lists the directory again with attributes ({@link #relistDue}).
     */
    public void namesRead(long dir, int entries) {
        long now = clock.getAsLong();
        read(dir, new PageRead(now, entries, now - ttlNanos));
    }

    /**
     * A name of {@code dir}, a directory of {@code length} names, was found by asking the master for
     * it alone. A program that looks at many names of a large directory without listing it (a stat
     * or an open of each by path) makes the directory due to be listed with attributes, as a
     * listing by name would ({@link #relistDue}), once it found a sixteenth of them (and at least
     * {@code minEntries}) that way within {@code windowNanos}: a listing costs the master and this
     * mount far less per name than a round trip per name, but not nothing, so a few names of a
     * huge directory are still asked alone.
     */
    public void askedAlone(long dir, long length, long windowNanos, int minEntries) {
        if (ttlNanos <= 0 || length < minEntries) {
            return;
        }
        long now = clock.getAsLong();
        if (runs.size() >= MAX_DIRS) {
            runs.clear();
        }
        Run r = runs.compute(dir, (k, old) -> old == null || now - old.since >= windowNanos
                ? new Run(now, 1) : new Run(old.since, old.found + 1));
        if (r.found >= Math.max(minEntries, length / RUN_SHARE)) {
            runs.remove(dir);
            read(dir, new PageRead(now, (int) Math.min(length, Integer.MAX_VALUE), now - ttlNanos));
        }
    }

    private void read(long dir, PageRead p) {
        if (pagesRead.size() >= MAX_DIRS) {
            pagesRead.clear();
        }
        pagesRead.put(dir, p);
    }

    /**
     * Whether {@code dir} is due to be listed again for lookups of its names: a page of at least
     * {@code minEntries} of them came from the master less than {@code windowNanos} ago, and what
     * that page (or the last listing again) brought has expired. Marks it listed again when so, so
     * that lookups of names it does not hold (a create's) are not each a listing.
     */
    public boolean relistDue(long dir, long windowNanos, int minEntries) {
        PageRead p = pagesRead.get(dir);
        long now = clock.getAsLong();
        if (ttlNanos <= 0 || p == null || p.entries < minEntries || now - p.at >= windowNanos || now - p.fetched < ttlNanos) {
            return false;
        }
        return pagesRead.replace(dir, p, new PageRead(p.at, p.entries, now));
    }

    /** {@code entries} is all of {@code dir}, read from the master since {@code since} (a clock value). */
    public void put(long dir, NameList entries, long since) {
        Long changed = changedAt.get(dir);
        if (ttlNanos <= 0 || entries.size() > MAX_ENTRIES || since <= floor || (changed != null && changed >= since)) {
            return;
        }
        if (map.size() >= MAX_DIRS) {
            map.clear();
        }
        // aged from when the listing began, so a long listing is not trusted past its timeout
        map.put(dir, new Listing(entries, since));
    }

    /** Whether this mount changed {@code dir} at or after {@code since} (or may have: too old to tell). */
    public boolean changedSince(long dir, long since) {
        Long changed = changedAt.get(dir);
        return since <= floor || (changed != null && changed >= since);
    }

    public void invalidate(long dir) {
        long now = clock.getAsLong();
        if (changedAt.size() >= MAX_TRACKED) {
            floor = now;
            changedAt.clear();
        }
        changedAt.put(dir, now);
        map.remove(dir);
    }

    public long now() {
        return clock.getAsLong();
    }

    private record Listing(NameList entries, long at) {
    }

    private record Run(long since, int found) {
    }

    private record PageRead(long at, int entries, long fetched) {
    }
}
