package org.mfsj.master.namespace.tree;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files whose last name went while their trash time was above zero. Their inodes (and so their
 * chunks) stay in the {@link InodeTable} with no link until restored or purged. Kept in deletion
 * order, which is the same live and on replay, so listings and purges are too.
 */
public final class Trash {
    /** One deleted file: where it was, and when it went (nanoseconds since the epoch). */
    public record Entry(long inode, String path, long deletedNanos) {
        /** When the entry may be purged, for a trash time of {@code seconds}. */
        public long expiresNanos(int seconds) {
            return deletedNanos + seconds * 1_000_000_000L;
        }
    }

    private final Map<Long, Entry> entries = new LinkedHashMap<>();

    public void add(Entry e) {
        if (entries.putIfAbsent(e.inode(), e) != null) {
            throw new IllegalStateException("inode " + e.inode() + " is in trash already");
        }
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
