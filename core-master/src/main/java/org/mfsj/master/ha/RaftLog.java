package org.mfsj.master.ha;

import java.util.List;
import org.mfsj.common.wire.master2follower.AppendEntries.Entry;

/** What the consensus core needs of the changelog: its end, entry terms, and follower-side writes. */
public interface RaftLog {
    /**
     * The lowest version after which this log can send entries with a known term before them: the
     * leader sends a follower that needs older ones its image instead. Versions up to it are
     * committed (an image holds them). 0 while the whole history is kept.
     */
    default long floor() {
        return 0;
    }

    /** Version of the last entry, durable or not (0 = none). */
    long lastVersion();

    /** Version up to which this master's own copy is durable. */
    long localDurable();

    /** Term of the entry at {@code version}; 0 for version 0 and for entries older than any term. */
    long termAt(long version);

    /** First version of the term that {@code version} belongs to (where a conflicting term starts). */
    long termStart(long version);

    /**
     * Drops every entry after {@code version} (a tail the leader does not have); false when the
     * metadata in memory already holds a dropped entry and must be reloaded from disk.
     */
    boolean truncateAfter(long version);

    /** Appends entries the leader sent, the first at {@code firstVersion} = lastVersion + 1. */
    void appendFromLeader(long firstVersion, List<Entry> entries);

    /** Up to {@code max} entries from {@code version} on, for a follower; empty when none. */
    List<Entry> entriesFrom(long version, int max);

    /** The version a majority has durable: entries up to it are final. */
    void committed(long version);
}
