package org.mfsj.master.namespace;

import org.mfsj.common.types.SetAttrMask;

/**
 * An attribute change: {@code mask} says which fields count, the others are ignored. The mask
 * bits are the wire bits of {@link SetAttrMask}. ATIME_NOW / MTIME_NOW take precedence over
 * explicit ATIME / MTIME.
 */
public record SetAttr(int mask, int mode, int uid, int gid, long atimeNanos, long mtimeNanos, long length) {
    public static final int MODE = SetAttrMask.MODE;
    public static final int UID = SetAttrMask.UID;
    public static final int GID = SetAttrMask.GID;
    public static final int ATIME = SetAttrMask.ATIME;
    public static final int MTIME = SetAttrMask.MTIME;
    public static final int ATIME_NOW = SetAttrMask.ATIME_NOW;
    public static final int MTIME_NOW = SetAttrMask.MTIME_NOW;
    public static final int LENGTH = SetAttrMask.LENGTH;
    public static final int ALL = MODE | UID | GID | ATIME | MTIME | ATIME_NOW | MTIME_NOW | LENGTH;

    public boolean has(int bits) {
        return (mask & bits) != 0;
    }

    public static SetAttr mode(int mode) {
        return new SetAttr(MODE, mode, 0, 0, 0, 0, 0);
    }

    public static SetAttr owner(int uid, int gid) {
        return new SetAttr(UID | GID, 0, uid, gid, 0, 0, 0);
    }

    public static SetAttr uid(int uid) {
        return new SetAttr(UID, 0, uid, 0, 0, 0, 0);
    }

    public static SetAttr gid(int gid) {
        return new SetAttr(GID, 0, 0, gid, 0, 0, 0);
    }

    public static SetAttr times(long atimeNanos, long mtimeNanos) {
        return new SetAttr(ATIME | MTIME, 0, 0, 0, atimeNanos, mtimeNanos, 0);
    }

    public static SetAttr timesNow() {
        return new SetAttr(ATIME_NOW | MTIME_NOW, 0, 0, 0, 0, 0, 0);
    }

    public static SetAttr length(long length) {
        return new SetAttr(LENGTH, 0, 0, 0, 0, 0, length);
    }
}
