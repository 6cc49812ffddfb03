package org.mfsj.nfs.v4;

import org.mfsj.common.status.Status;

/** Our {@link Status} as NFSv4 reports it: the one place this translation is written. */
public final class Nfs4Status {
    private Nfs4Status() {
    }

    public static int of(Status s) {
        return switch (s) {
            case OK -> Nfs4.OK;
            case EPERM -> Nfs4.ERR_PERM;
            case ENOENT -> Nfs4.ERR_NOENT;
            case EACCES -> Nfs4.ERR_ACCESS;
            case EEXIST, CHUNK_EXISTS, TARGET_CHANGED -> Nfs4.ERR_EXIST;
            case EXDEV -> Nfs4.ERR_XDEV;
            case ENOTDIR -> Nfs4.ERR_NOTDIR;
            case EISDIR -> Nfs4.ERR_ISDIR;
            case EINVAL, OUT_OF_RANGE -> Nfs4.ERR_INVAL;
            case EFBIG -> Nfs4.ERR_FBIG;
            case ENOSPC, NO_CHUNKSERVERS -> Nfs4.ERR_NOSPC;
            case EROFS -> Nfs4.ERR_ROFS;
            case EMLINK -> Nfs4.ERR_MLINK;
            case ENAMETOOLONG -> Nfs4.ERR_NAMETOOLONG;
            case ENOTEMPTY -> Nfs4.ERR_NOTEMPTY;
            case EDQUOT -> Nfs4.ERR_DQUOT;
            case ESTALE -> Nfs4.ERR_STALE;
            case ENOTSUP -> Nfs4.ERR_NOTSUPP;
            case ELOOP -> Nfs4.ERR_SYMLINK;
            case ETIMEDOUT, EAGAIN, CHUNK_BUSY, NOT_LEADER, COPIES_PENDING -> Nfs4.ERR_DELAY;
            case ERANGE, ENODATA, EBADF, EIO, NO_SUCH_CHUNK, WRONG_VERSION, CRC_ERROR, DISCONNECTED,
                 DISK_FAILED, PROTOCOL -> Nfs4.ERR_IO;
        };
    }
}
