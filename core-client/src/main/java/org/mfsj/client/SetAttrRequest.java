package org.mfsj.client;

import org.mfsj.common.types.SetAttrMask;

/**
 * Which attributes to change and to what; fields outside {@code mask} (bits of {@link SetAttrMask})
 * are ignored. Doors combine requests with {@link #and} when one protocol call changes several.
 */
public record SetAttrRequest(int mask, int mode, int uid, int gid, long atimeNanos, long mtimeNanos, long length) {
    public static final SetAttrRequest NONE = new SetAttrRequest(0, 0, 0, 0, 0, 0, 0);

    public SetAttrRequest {
        if ((mask & SetAttrMask.LENGTH) != 0 && length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
    }

    public static SetAttrRequest truncate(long length) {
        return new SetAttrRequest(SetAttrMask.LENGTH, 0, 0, 0, 0, 0, length);
    }

    public static SetAttrRequest chmod(int mode) {
        return new SetAttrRequest(SetAttrMask.MODE, mode & 07777, 0, 0, 0, 0, 0);
    }

    public static SetAttrRequest chown(int uid, int gid) {
        return new SetAttrRequest(SetAttrMask.UID | SetAttrMask.GID, 0, uid, gid, 0, 0, 0);
    }

    /** Changes only the owner; -1 in POSIX chown terms means "leave the group". */
    public static SetAttrRequest chownUser(int uid) {
        return new SetAttrRequest(SetAttrMask.UID, 0, uid, 0, 0, 0, 0);
    }

    public static SetAttrRequest chownGroup(int gid) {
        return new SetAttrRequest(SetAttrMask.GID, 0, 0, gid, 0, 0, 0);
    }

    public static SetAttrRequest times(long atimeNanos, long mtimeNanos) {
        return new SetAttrRequest(SetAttrMask.ATIME | SetAttrMask.MTIME, 0, 0, 0, atimeNanos, mtimeNanos, 0);
    }

    /** Sets both times to the master's clock (utimes with a null argument). */
    public static SetAttrRequest timesNow() {
        return new SetAttrRequest(SetAttrMask.ATIME_NOW | SetAttrMask.MTIME_NOW, 0, 0, 0, 0, 0, 0);
    }

    /** This change plus {@code other}'s; where both set a field, {@code other} wins. */
    public SetAttrRequest and(SetAttrRequest other) {
        int m = other.mask;
        return new SetAttrRequest(mask | m,
                has(m, SetAttrMask.MODE) ? other.mode : mode,
                has(m, SetAttrMask.UID) ? other.uid : uid,
                has(m, SetAttrMask.GID) ? other.gid : gid,
                has(m, SetAttrMask.ATIME) ? other.atimeNanos : atimeNanos,
                has(m, SetAttrMask.MTIME) ? other.mtimeNanos : mtimeNanos,
                has(m, SetAttrMask.LENGTH) ? other.length : length);
    }

    public boolean changesLength() {
        return has(mask, SetAttrMask.LENGTH);
    }

    private static boolean has(int mask, int bit) {
        return (mask & bit) != 0;
    }
}
