package org.mfsj.nfs.v3;

import org.mfsj.common.status.Status;

/** Our {@link Status} as NFSv3 reports it: the one place this translation is written. */
public final class Nfs3Status {
    private Nfs3Status() {
    }

    public static int of(Status s) {
        return switch (s) {
            case OK -> Nfs3.OK;
            case EPERM -> Nfs3.ERR_PERM;
            case ENOENT -> Nfs3.ERR_NOENT;
            case EACCES -> Nfs3.ERR_ACCES;
            case EEXIST, CHUNK_EXISTS, TARGET_CHANGED -> Nfs3.ERR_EXIST;
            case EXDEV -> Nfs3.ERR_XDEV;
            case ENOTDIR -> Nfs3.ERR_NOTDIR;
            case EISDIR -> Nfs3.ERR_ISDIR;
            case EINVAL, OUT_OF_RANGE -> Nfs3.ERR_INVAL;
            case EFBIG -> Nfs3.ERR_FBIG;
            case ENOSPC, NO_CHUNKSERVERS -> Nfs3.ERR_NOSPC;
            case EROFS -> Nfs3.ERR_ROFS;
            case EMLINK -> Nfs3.ERR_MLINK;
            case ENAMETOOLONG -> Nfs3.ERR_NAMETOOLONG;
            case ENOTEMPTY -> Nfs3.ERR_NOTEMPTY;
            case EDQUOT -> Nfs3.ERR_DQUOT;
            case ESTALE -> Nfs3.ERR_STALE;
            case ENOTSUP -> Nfs3.ERR_NOTSUPP;
            // the cluster is busy or away for a moment: JUKEBOX makes the client retry later
            case ETIMEDOUT, EAGAIN, CHUNK_BUSY, NOT_LEADER, COPIES_PENDING -> Nfs3.ERR_JUKEBOX;
            case ERANGE, ELOOP, ENODATA, EBADF, EIO, NO_SUCH_CHUNK, WRONG_VERSION, CRC_ERROR, DISCONNECTED,
                 DISK_FAILED, PROTOCOL -> Nfs3.ERR_IO;
        };
    }
}
