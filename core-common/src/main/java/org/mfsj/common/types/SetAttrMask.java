package org.mfsj.common.types;

/** Bits of a SetAttr request's mask: which fields to change. Stable on the wire. */
public final class SetAttrMask {
    public static final int MODE = 1;
    public static final int UID = 1 << 1;
    public static final int GID = 1 << 2;
    public static final int ATIME = 1 << 3;
    public static final int MTIME = 1 << 4;
    public static final int ATIME_NOW = 1 << 5;
    public static final int MTIME_NOW = 1 << 6;
    public static final int LENGTH = 1 << 7;

    private SetAttrMask() {
    }
}
