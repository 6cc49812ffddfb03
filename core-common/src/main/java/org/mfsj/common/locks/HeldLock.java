package org.mfsj.common.locks;

/**
 * One granted lock on the bytes {@code start..end} (both inclusive; {@link #TO_EOF} as end means
 * to the end of the file, however long it grows). {@code pid} is only reported back (F_GETLK).
 */
public record HeldLock(LockType type, long start, long end, LockOwner owner, int pid) {
    public static final long TO_EOF = Long.MAX_VALUE;

    public HeldLock {
        if (type == LockType.UNLOCK) {
            throw new IllegalArgumentException("a held lock is READ or WRITE");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad lock range " + start + ".." + end);
        }
    }

    boolean overlaps(long s, long e) {
        return start <= e && s <= end;
    }

    /** Overlapping or directly adjacent, so two ranges of one owner and type can become one. */
    boolean touches(long s, long e) {
        return overlaps(s, e) || (end != TO_EOF && end + 1 == s) || (e != TO_EOF && e + 1 == start);
    }

    boolean conflictsWith(LockType wanted, LockOwner who) {
        return !owner.equals(who) && (type == LockType.WRITE || wanted == LockType.WRITE);
    }

    HeldLock withRange(long s, long e) {
        return new HeldLock(type, s, e, owner, pid);
    }
}
