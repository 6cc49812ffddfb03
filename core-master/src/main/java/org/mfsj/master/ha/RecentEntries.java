package org.mfsj.master.ha;

import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.wire.master2follower.AppendEntries.Entry;

/**
 * The newest encoded entries in memory, so that the leader sends them to followers without
 * reading its files back. Bounded in bytes; a follower further behind is served from the files.
 */
final class RecentEntries {
    private final long maxBytes;
    private final ArrayList<Entry> entries = new ArrayList<>();
    private long first = 1;
    private int head;
    private long bytes;

    RecentEntries(long maxBytes, long nextVersion) {
        this.maxBytes = maxBytes;
        this.first = nextVersion;
    }

    /** Adds the entry at version {@link #end()}. */
    void add(Entry e) {
        entries.add(e);
        bytes += e.record().length + 16;
        while (bytes > maxBytes && head < entries.size() - 1) {
            bytes -= entries.get(head).record().length + 16;
            entries.set(head++, null);
            first++;
        }
        if (head > 4096 && head * 2 > entries.size()) {
            entries.subList(0, head).clear();
            head = 0;
        }
    }

    /** One past the newest version held. */
    long end() {
        return first + entries.size() - head;
    }

    boolean holds(long version) {
        return version >= first && version < end();
    }

    /** Up to {@code max} entries from {@code version}, which {@link #holds} must say is here. */
    List<Entry> from(long version, int max) {
        int from = head + (int) (version - first);
        int to = Math.min(entries.size(), from + max);
        return new ArrayList<>(entries.subList(from, to));
    }

    /** Drops entries after {@code version}. */
    void truncateAfter(long version) {
        while (end() - 1 > version && entries.size() > head) {
            Entry e = entries.remove(entries.size() - 1);
            bytes -= e.record().length + 16;
        }
        if (entries.size() == head) {
            first = version + 1;
        }
    }
}
