package org.mfsj.fuse.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.fuse.context.Caller;
import org.mfsj.fuse.context.CallerSource;
import org.mfsj.fuse.handles.HandleTable;
import org.mfsj.fuse.handles.OpenFile;
import org.mfsj.fuse.locks.LockService;
import org.mfsj.fuse.locks.PosixLock;
import ru.serce.jnrfuse.struct.Flock;

/**
 * fcntl(2) record locks and flock(2), on the inode behind the handle. libfuse already turns each
 * close into an unlock of the closing owner's record locks; flock locks belong to the open file and
 * go with its release, which libfuse 2 does not pass on, so they are dropped in {@link #released}.
 */
public final class LockOps {
    static final int F_GETLK = 5;
    static final int F_SETLK = 6;
    static final int F_SETLKW = 7;
    private static final int LOCK_SH = 1;
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int LOCK_UN = 8;

    private final LockService locks;
    private final HandleTable<OpenFile> files;
    private final CallerSource callers;
    private final IntPredicate alive;
    /** Handles holding a flock lock, with the owner it was taken for. */
    private final Map<Long, Long> flockOwners = new ConcurrentHashMap<>();

    /** {@code alive} tells whether a process still exists, so a dead waiter stops waiting. */
    public LockOps(LockService locks, HandleTable<OpenFile> files, CallerSource callers, IntPredicate alive) {
        this.locks = locks;
        this.files = files;
        this.callers = callers;
        this.alive = alive;
    }

    public int lock(long fh, long owner, int cmd, Flock fl) throws MfsException {
        long inode = files.get(fh).inode();
        Caller caller = callers.current();
        long start = fl.l_start.get();
        long len = fl.l_len.get();
        if (start < 0 || len < 0) {
            throw new MfsException(Status.EINVAL, "lock range start=" + start + " len=" + len);
        }
        long end = len == 0 ? Long.MAX_VALUE : start + len - 1;
        PosixLock want = new PosixLock(owner, caller.pid(), fl.l_type.get(), start, end);
        switch (cmd) {
            case F_GETLK -> {
                PosixLock held = locks.test(inode, want);
                if (held == null) {
                    fl.l_type.set(PosixLock.UNLOCK);
                } else {
                    fl.l_type.set(held.type());
                    fl.l_start.set(held.start());
                    fl.l_len.set(held.end() == Long.MAX_VALUE ? 0 : held.end() - held.start() + 1);
                    fl.l_pid.set(held.pid());
                }
            }
            case F_SETLK, F_SETLKW -> locks.set(inode, want, cmd == F_SETLKW, () -> !alive.test(caller.pid()));
            default -> throw new MfsException(Status.EINVAL, "lock command " + cmd);
        }
        return 0;
    }

    public int flock(long fh, long owner, int op) throws MfsException {
        long inode = files.get(fh).inode();
        int kind = op & ~LOCK_NB;
        if (kind == LOCK_UN) {
            flockOwners.remove(fh);
            locks.unflock(inode, owner);
            return 0;
        }
        if (kind != LOCK_SH && kind != LOCK_EX) {
            throw new MfsException(Status.EINVAL, "flock operation " + op);
        }
        Caller caller = callers.current();
        locks.flock(inode, owner, kind == LOCK_SH, (op & LOCK_NB) == 0, () -> !alive.test(caller.pid()));
        flockOwners.put(fh, owner);
        return 0;
    }

    /** The open file behind {@code fh} is gone: its flock lock, if any, goes too. */
    public void released(long fh) throws MfsException {
        Long owner = flockOwners.remove(fh);
        if (owner != null) {
            locks.unflock(files.get(fh).inode(), owner);
        }
    }
}
