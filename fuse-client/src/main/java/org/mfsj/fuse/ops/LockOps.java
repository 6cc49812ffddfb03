package org.mfsj.fuse.ops;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import jnr.ffi.Pointer;
import org.mfsj.client.MfsClient;
import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.fuse.lowlevel.FileInfo;
import org.mfsj.fuse.lowlevel.Request;
import ru.serce.jnrfuse.struct.Flock;

/**
 * fcntl(2) record locks and flock(2), held in the master's lock table so that two mounts (and the
 * NFS gateway) exclude each other. The kernel's lock owner is the owner; a close drops the closing
 * owner's record locks ({@link #closed}), the last close of a file its flock lock. A blocking
 * request asks again now and then until granted, and gives up (EAGAIN) when the caller is
 * interrupted or gone.
 */
public final class LockOps {
    private static final short F_RDLCK = 0;
    private static final short F_WRLCK = 1;
    private static final short F_UNLCK = 2;
    private static final int LOCK_SH = 1;
    private static final int LOCK_EX = 2;
    private static final int LOCK_NB = 4;
    private static final int LOCK_UN = 8;
    private static final long RETRY_MS = 50;

    private final MfsClient client;
    private final IntPredicate alive;
    /** Inodes this mount ever took a record lock on: only their closes need to tell the master. */
    private final Set<Long> locked = ConcurrentHashMap.newKeySet();

    /** {@code alive} tells whether a process still exists, so a dead waiter stops waiting. */
    public LockOps(MfsClient client, IntPredicate alive) {
        this.client = client;
        this.alive = alive;
    }

    public void getlk(Request r, long inode, FileInfo fi, Pointer lock) throws MfsException {
        Flock fl = Flock.of(lock);
        Range range = Range.of(fl);
        Optional<HeldLock> held = client.testLock(inode, LockFlavor.POSIX, type(fl.l_type.get()), range.start,
                range.end, fi.lockOwner());
        if (held.isEmpty()) {
            fl.l_type.set(F_UNLCK);
        } else {
            HeldLock h = held.get();
            fl.l_type.set(h.type() == LockType.WRITE ? F_WRLCK : F_RDLCK);
            fl.l_whence.set((short) 0);
            fl.l_start.set(h.start());
            fl.l_len.set(h.end() == HeldLock.TO_EOF ? 0 : h.end() - h.start() + 1);
            fl.l_pid.set(h.pid());
        }
        r.lock(lock);
    }

    public void setlk(Request r, long inode, FileInfo fi, Pointer lock, boolean sleep) throws MfsException {
        Flock fl = Flock.of(lock);
        Range range = Range.of(fl);
        LockType t = type(fl.l_type.get());
        if (t != LockType.UNLOCK) {
            locked.add(inode);
        }
        take(r, inode, LockFlavor.POSIX, t, range, fi.lockOwner(), sleep);
        r.ok();
    }

    public void flock(Request r, long inode, FileInfo fi, int op) throws MfsException {
        int kind = op & ~LOCK_NB;
        LockType t = switch (kind) {
            case LOCK_SH -> LockType.READ;
            case LOCK_EX -> LockType.WRITE;
            case LOCK_UN -> LockType.UNLOCK;
            default -> throw new MfsException(Status.EINVAL, "flock operation " + op);
        };
        take(r, inode, LockFlavor.FLOCK, t, new Range(0, HeldLock.TO_EOF), fi.lockOwner(), (op & LOCK_NB) == 0);
        r.ok();
    }

    /** A descriptor of {@code owner} was closed: POSIX says its record locks on the file go. */
    void closed(long inode, long owner) throws MfsException {
        if (locked.contains(inode)) {
            client.releaseLocks(inode, LockFlavor.POSIX, owner);
        }
    }

    void unflock(long inode, long owner) throws MfsException {
        client.releaseLocks(inode, LockFlavor.FLOCK, owner);
    }

    private void take(Request r, long inode, LockFlavor flavor, LockType t, Range range, long owner, boolean wait)
            throws MfsException {
        int pid = r.caller().pid();
        while (true) {
            try {
                client.setLock(inode, flavor, t, range.start, range.end, owner, pid, false);
                return;
            } catch (MfsException e) {
                if (e.status() != Status.EAGAIN || !wait) {
                    throw e;
                }
            }
            if (r.interrupted() || !alive.test(pid)) {
                // the core has no EINTR; the interrupted caller sees EINTR from its kernel anyway when
                // the signal is fatal, and EAGAIN otherwise
                throw new MfsException(Status.EAGAIN, "gave up waiting for a lock on inode " + inode
                        + ": the caller was interrupted or is gone");
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MfsException(Status.EAGAIN, "interrupted waiting for a lock on inode " + inode);
            }
        }
    }

    private static LockType type(short fcntlType) throws MfsException {
        return switch (fcntlType) {
            case F_RDLCK -> LockType.READ;
            case F_WRLCK -> LockType.WRITE;
            case F_UNLCK -> LockType.UNLOCK;
            default -> throw new MfsException(Status.EINVAL, "lock type " + fcntlType);
        };
    }

    /** A lock's bytes as the master takes them: {@code end} inclusive, TO_EOF for "to the end". */
    private record Range(long start, long end) {
        static Range of(Flock fl) throws MfsException {
            long start = fl.l_start.get();
            long len = fl.l_len.get();
            if (start < 0 || len < 0) {
                throw new MfsException(Status.EINVAL, "lock range start=" + start + " len=" + len);
            }
            return new Range(start, len == 0 ? HeldLock.TO_EOF : start + len - 1);
        }
    }
}
