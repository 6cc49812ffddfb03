package org.mfsj.common.locks;

/**
 * POSIX byte-range locks (fcntl, NFS LOCK) and whole-file flock locks live side by side and
 * never conflict with each other, as on Linux. Codes are stable on the wire.
 */
public enum LockFlavor {
    POSIX(1), FLOCK(2);

    private final int code;

    LockFlavor(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static LockFlavor fromCode(int code) {
        for (LockFlavor f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown lock flavor " + code);
    }
}
