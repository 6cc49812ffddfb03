package org.mfsj.s3.error;

import org.mfsj.common.status.MfsException;

/** The one translation from a file-system outcome to an S3 error. */
public final class ErrorMapping {
    private ErrorMapping() {
    }

    /**
     * @param notFound what a missing path means where it happened (NoSuchKey, NoSuchBucket, NoSuchUpload)
     */
    public static S3Exception of(MfsException e, S3Error notFound) {
        S3Error err = switch (e.status()) {
            case ENOENT, ESTALE -> notFound;
            case EACCES, EPERM, EROFS -> S3Error.ACCESS_DENIED;
            case ENOSPC, EDQUOT, NO_CHUNKSERVERS -> S3Error.INSUFFICIENT_STORAGE;
            case ENAMETOOLONG -> S3Error.KEY_TOO_LONG;
            case EEXIST, ENOTDIR, EISDIR, ENOTEMPTY -> S3Error.KEY_CONFLICT;
            case EFBIG -> S3Error.ENTITY_TOO_LARGE;
            case TARGET_CHANGED -> S3Error.PRECONDITION_FAILED;
            case ETIMEDOUT, EAGAIN, DISCONNECTED, COPIES_PENDING -> S3Error.SERVICE_UNAVAILABLE;
            default -> S3Error.INTERNAL_ERROR;
        };
        String msg = err == S3Error.INTERNAL_ERROR || err == S3Error.SERVICE_UNAVAILABLE
                ? err.message() + " (" + e.status().name() + ")"
                : err.message();
        return new S3Exception(err, msg, e);
    }
}
