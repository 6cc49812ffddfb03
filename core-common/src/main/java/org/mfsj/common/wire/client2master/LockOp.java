package org.mfsj.common.wire.client2master;

/** What a {@link LockCall} does. Codes are stable on the wire. */
public enum LockOp {
    /** Reports the first conflicting lock, takes nothing (F_GETLK, NFS LOCKT). */
    TEST(1),
    /** Takes, changes or releases a range without waiting (F_SETLK, flock LOCK_NB, NFS LOCK/LOCKU). */
    SET(2),
    /** Drops every lock of the owner on the inode (close, flock release, RELEASE_LOCKOWNER). */
    RELEASE_OWNER(3),
    /**
     * As SET, for a lock the client held before it reconnected (a master failover or restart):
     * the only way to take a lock while a new leader's grace period lasts.
     */
    RECLAIM(4);

    private final int code;

    LockOp(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static LockOp fromCode(int code) {
        for (LockOp op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown lock op " + code);
    }
}
