package org.mfsj.fuse.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mfsj.common.types.Attr;

/**
 * Access and modification times, and permission bits, set on a file while this mount still holds
 * writes to it, not yet sent to the master: sent after those writes land (whose landing moves the
 * master's mtime), in one change at the close or fsync that sends them. Until then every attribute
 * this mount hands out for the file shows them, so a stat here sees them at once and another
 * client sees them after the close.
 */
public final class PendingTimes {
    /**
     * Explicit times and permission bits of one inode; what is not set is -1. {@code ctime} is when
     * they were set.
     */
    public record Times(long atimeNanos, long mtimeNanos, int mode, long ctimeNanos) {
        Times over(Times earlier) {
            return new Times(atimeNanos >= 0 ? atimeNanos : earlier.atimeNanos,
                    mtimeNanos >= 0 ? mtimeNanos : earlier.mtimeNanos, mode >= 0 ? mode : earlier.mode, ctimeNanos);
        }

        /** Whether a time is set (which this mount's writes must land before). */
        public boolean hasTimes() {
            return atimeNanos >= 0 || mtimeNanos >= 0;
        }
    }

    private final Map<Long, Times> byInode = new ConcurrentHashMap<>();

    /** Sets times of {@code inode}, over any it already has pending. */
    public void set(long inode, Times t) {
        byInode.merge(inode, t, (earlier, later) -> later.over(earlier));
    }

    /** The pending times of {@code inode}; null when none. */
    public Times get(long inode) {
        return byInode.isEmpty() ? null : byInode.get(inode);
    }

    /** {@code t} reached the master (or failed to): no longer pending, unless newer times came meanwhile. */
    public void sent(long inode, Times t) {
        byInode.remove(inode, t);
    }

    public boolean has(long inode) {
        return !byInode.isEmpty() && byInode.containsKey(inode);
    }

    /** {@code a} as it will be once the pending times of its inode are applied. */
    public Attr patch(Attr a) {
        if (byInode.isEmpty()) {
            return a;
        }
        Times t = byInode.get(a.inode());
        if (t == null) {
            return a;
        }
        return new Attr(a.inode(), a.type(), t.mode >= 0 ? t.mode : a.mode(), a.uid(), a.gid(),
                t.atimeNanos >= 0 ? t.atimeNanos : a.atimeNanos(), t.mtimeNanos >= 0 ? t.mtimeNanos : a.mtimeNanos(),
                Math.max(a.ctimeNanos(), t.ctimeNanos), a.nlink(), a.length(), a.rdev(), a.goal(), a.generation(),
                a.noXattrs());
    }
}
