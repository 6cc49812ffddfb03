package org.mfsj.master.namespace.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.LongToIntFunction;

/**
 * Files whose last name went while their trash time was above zero. Their inodes (and so their
 * chunks) stay in the {@link InodeTable} with no link until restored or purged. Kept in deletion
 * order, which is the same live and on replay, so listings are too.
 *
 * <p>The purge loop asks every second which entries are due ({@link #due}); walking every entry for
 * that cost a leader 4% of its time with 100,000 files in trash. So entries also wait in a queue by
 * expiry, built at the first such question (a follower, which never purges, keeps none) and kept
 * lazily: an entry restored or purged leaves its place behind, to be dropped when it comes up, and a
 * place is only a hint, checked against the entry and its file's trash time of the moment.
 */
public final class Trash {
    /** One deleted file: where it was, and when it went (nanoseconds since the epoch). */
    public record Entry(long inode, String path, long deletedNanos) {
        /** When the entry may be purged, for a trash time of {@code seconds}. */
        public long expiresNanos(int seconds) {
            return deletedNanos + seconds * 1_000_000_000L;
        }
    }

    /** An entry's place in the expiry queue: when it was due when queued. */
    private record Due(long expiresNanos, long inode) {
    }

    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    /** Null until the purge loop first asks: then every entry's place, and stale places left behind. */
    private PriorityQueue<Due> queue;

    /** {@code seconds}: the file's trash time, for its place in the expiry queue. */
    public void add(Entry e, int seconds) {
        if (entries.putIfAbsent(e.inode(), e) != null) {
            throw new IllegalStateException("inode " + e.inode() + " is in trash already");
        }
        if (queue != null) {
            queue.add(new Due(e.expiresNanos(seconds), e.inode()));
        }
    }

    /** The trash time of a file in trash changed to {@code seconds}: it may be due earlier. */
    public void retimed(long inode, int seconds) {
        Entry e = entries.get(inode);
        if (queue != null && e != null) {
            queue.add(new Due(e.expiresNanos(seconds), inode));
        }
    }

    /**
     * The files due at {@code nowNanos}, earliest first; {@code secondsOf} gives a file's trash time
     * now. Leaves them in trash (purging them is a logged change of its own).
     */
    public List<Long> due(long nowNanos, LongToIntFunction secondsOf) {
        if (queue == null || queue.size() > 2 * entries.size() + 1024) {
            queue = new PriorityQueue<>(Math.max(16, entries.size()), (a, b) -> Long.compare(a.expiresNanos(),
                    b.expiresNanos()));
            entries.values().forEach(e -> queue.add(new Due(e.expiresNanos(secondsOf.applyAsInt(e.inode())),
                    e.inode())));
        }
        LinkedHashSet<Long> due = new LinkedHashSet<>();
        List<Due> later = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().expiresNanos() <= nowNanos) {
            Due d = queue.poll();
            Entry e = entries.get(d.inode());
            if (e == null || due.contains(d.inode())) {
                continue;
            }
            long expires = e.expiresNanos(secondsOf.applyAsInt(d.inode()));
            if (expires <= nowNanos) {
                due.add(d.inode());
            } else {
                // its trash time grew, or it was trashed again since this place was taken
                later.add(new Due(expires, d.inode()));
            }
        }
        queue.addAll(later);
        return List.copyOf(due);
    }

    public Entry get(long inode) {
        return entries.get(inode);
    }

    public boolean contains(long inode) {
        return entries.containsKey(inode);
    }

    public Entry remove(long inode) {
        Entry e = entries.remove(inode);
        if (e == null) {
            throw new IllegalStateException("inode " + inode + " is not in trash");
        }
        return e;
    }

    /** In deletion order; a live view, copy before changing the trash. */
    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    public int size() {
        return entries.size();
    }
}
