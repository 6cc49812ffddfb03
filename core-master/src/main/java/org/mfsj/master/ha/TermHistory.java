package org.mfsj.master.ha;

import java.util.Map;
import java.util.TreeMap;

/**
 * The term of every entry, kept as the versions where terms begin: an entry belongs to the term of
 * the last {@code TermStart} at or before it (term 0 before the first one: history from before
 * replication, or from before the oldest changelog file kept).
 */
final class TermHistory {
    private final TreeMap<Long, Long> starts = new TreeMap<>();

    /** {@code version} holds a term start of {@code term}. */
    void begins(long version, long term) {
        starts.put(version, term);
    }

    long termAt(long version) {
        Map.Entry<Long, Long> e = version <= 0 ? null : starts.floorEntry(version);
        return e == null ? 0 : e.getValue();
    }

    /** First version of the term {@code version} belongs to (1 for term 0). */
    long startOf(long version) {
        Long k = version <= 0 ? null : starts.floorKey(version);
        return k == null ? 1 : k;
    }

    /** The lowest version known to begin a term ({@link Long#MAX_VALUE} when none is). */
    long firstStart() {
        return starts.isEmpty() ? Long.MAX_VALUE : starts.firstKey();
    }

    void truncateAfter(long version) {
        starts.tailMap(version, false).clear();
    }
}
