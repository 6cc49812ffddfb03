package org.mfsj.fuse;

import org.mfsj.common.status.Status;

/**
 * Linux errno values the mount answers with, and the one translation from {@link Status}. Every
 * callback returns {@code -errno} through {@link FuseCall}; no operation spells a number itself.
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EEXIST = 17;
    public static final int ENOTDIR = 20;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int EROFS = 30;
    public static final int ERANGE = 34;
    public static final int ENAMETOOLONG = 36;
    public static final int ENOLCK = 37;
    public static final int ENOSYS = 38;
    public static final int ENODATA = 61;
    public static final int ETIMEDOUT = 110;

    private Errno() {
    }

    /** The errno a caller sees for {@code s}; storage-level outcomes without a POSIX twin are EIO. */
    public static int of(Status s) {
        int e = s.errno();
        return e > 0 ? e : EIO;
    }
}
