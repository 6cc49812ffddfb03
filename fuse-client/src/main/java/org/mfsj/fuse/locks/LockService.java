package org.mfsj.fuse.locks;

import java.util.function.BooleanSupplier;
import org.mfsj.common.status.MfsException;

/**
 * POSIX record locks and flock(2) locks on inodes. For two mounts to exclude each other this must
 * be the master's lock table; until the core offers one, {@link LocalLocks} keeps the locks of
 * this mount only.
 */
public interface LockService {
    /** F_GETLK: a lock that would block {@code want}, or null when it could be had. */
    PosixLock test(long inode, PosixLock want);

    /**
     * F_SETLK / F_SETLKW, including unlock. Without {@code wait} a conflict is EAGAIN; with it the
     * call blocks until granted, or EINTR once {@code cancelled} says the caller is gone.
     */
    void set(long inode, PosixLock lock, boolean wait, BooleanSupplier cancelled) throws MfsException;

    /** flock(2): {@code shared} or exclusive; conflicts and cancellation as {@link #set}. */
    void flock(long inode, long owner, boolean shared, boolean wait, BooleanSupplier cancelled) throws MfsException;

    void unflock(long inode, long owner);
}
