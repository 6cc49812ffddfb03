package org.mfsj.master.ha;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The voter sets in the log, by the version of the entry that set each (the image's at its own
 * version). The newest one rules as soon as it is in the log; cutting the log's tail brings back the
 * one before. None at all: the configuration names the voters.
 */
final class VoterHistory {
    /** A voter set and the version of the entry that set it. */
    record Set(long version, List<String> masters) {
    }

    private final TreeMap<Long, List<String>> sets = new TreeMap<>();

    void set(long version, List<String> masters) {
        sets.put(version, List.copyOf(masters));
    }

    /** The newest voter set; null when the log holds none. */
    Set newest() {
        Map.Entry<Long, List<String>> e = sets.lastEntry();
        return e == null ? null : new Set(e.getKey(), e.getValue());
    }

    void truncateAfter(long version) {
        sets.tailMap(version, false).clear();
    }
}
