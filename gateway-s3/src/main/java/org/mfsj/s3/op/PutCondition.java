package org.mfsj.s3.op;

import java.io.IOException;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.store.Etags;
import org.mfsj.s3.store.Found;
import org.mfsj.s3.store.S3Store;

/**
 * A conditional write (PutObject, CompleteMultipartUpload): {@code If-None-Match: *} puts only
 * where no object is, {@code If-Match: ETAG} only over that object. Checked before the body is
 * taken, so a refused upload costs nothing, and again by the master in the change that publishes
 * (by inode), so of two conditional writers racing for a key only one wins.
 */
public record PutCondition(boolean mustBeAbsent, String ifMatch) {
    private static final PutCondition NONE = new PutCondition(false, null);

    public static PutCondition from(S3Request r) throws S3Exception {
        String noneMatch = r.header("if-none-match");
        String match = r.header("if-match");
        if (noneMatch == null && match == null) {
            return NONE;
        }
        if (noneMatch != null && !noneMatch.strip().equals("*")) {
            throw new S3Exception(S3Error.NOT_IMPLEMENTED, "If-None-Match on a write takes only '*'");
        }
        return new PutCondition(noneMatch != null, match == null ? null : Conditionals.unquoted(match));
    }

    /**
     * What the key must be bound to when the object is published: {@code Publish.ANY_TARGET}
     * without a condition, {@code Publish.NO_TARGET} or the inode of the object matched.
     * PreconditionFailed, or NoSuchKey for If-Match on a missing key, when it does not hold now.
     */
    public long expectTarget(S3Store store, Creds creds, long bucket, String key) throws IOException {
        if (!mustBeAbsent && ifMatch == null) {
            return Publish.ANY_TARGET;
        }
        Found current;
        try {
            current = store.find(creds, bucket, key, false);
        } catch (S3Exception e) {
            // If-Match names an object: a missing one is NoSuchKey, as S3 answers
            if (e.error() != S3Error.NO_SUCH_KEY || ifMatch != null) {
                throw e;
            }
            return Publish.NO_TARGET;
        }
        if (mustBeAbsent) {
            throw new S3Exception(S3Error.PRECONDITION_FAILED, "'" + key + "' exists (If-None-Match: *)");
        }
        String etag = Etags.ensure(store, creds, current.attr(), current.meta()).etag();
        if (!ifMatch.equals("*") && !ifMatch.equals(etag)) {
            throw new S3Exception(S3Error.PRECONDITION_FAILED, "'" + key + "' has ETag " + etag + " (If-Match)");
        }
        return current.attr().inode();
    }
}
