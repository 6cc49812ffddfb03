package org.mfsj.fuse.locks;

/**
 * A byte-range lock as fcntl(2) knows it, in absolute terms: {@code end} is inclusive and
 * {@link Long#MAX_VALUE} means "to the end of the file, however long it grows".
 *
 * @param owner the kernel's lock owner (one per open file table of a process)
 * @param pid   the process, reported to F_GETLK callers
 * @param type  {@link #READ}, {@link #WRITE} or {@link #UNLOCK} (fcntl's F_RDLCK, F_WRLCK, F_UNLCK)
 */
public record PosixLock(long owner, int pid, int type, long start, long end) {
    public static final int READ = 0;
    public static final int WRITE = 1;
    public static final int UNLOCK = 2;

    public PosixLock {
        if (type != READ && type != WRITE && type != UNLOCK) {
            throw new IllegalArgumentException("lock type " + type);
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("lock range " + start + ".." + end);
        }
    }

    boolean overlaps(PosixLock o) {
        return start <= o.end && o.start <= end;
    }

    /** Whether holding this and {@code o} at once is impossible: another owner, and a writer among them. */
    boolean conflicts(PosixLock o) {
        return owner != o.owner && overlaps(o) && (type == WRITE || o.type == WRITE);
    }

    PosixLock withRange(long s, long e) {
        return new PosixLock(owner, pid, type, s, e);
    }
}
