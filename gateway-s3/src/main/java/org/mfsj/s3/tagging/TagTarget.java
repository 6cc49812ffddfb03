package org.mfsj.s3.tagging;

import java.io.IOException;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.op.UploadChecks;
import org.mfsj.s3.store.Found;
import org.mfsj.s3.store.S3Store;

/** What carries tags, with where S3 treats the two differently: limits, missing target, answers. */
public enum TagTarget {
    /** An object's file: up to 10 tags; a PUT answers 200; no tags read as an empty set. */
    OBJECT(TagSet.OBJECT_LIMIT, S3Error.NO_SUCH_KEY, 200, false),
    /** A bucket's directory: up to 50 tags; a PUT answers 204; no tags is NoSuchTagSet. */
    BUCKET(TagSet.BUCKET_LIMIT, S3Error.NO_SUCH_BUCKET, 204, true);

    final int limit;
    final S3Error notFound;
    final int putStatus;
    final boolean noneIsAnError;

    TagTarget(int limit, S3Error notFound, int putStatus, boolean noneIsAnError) {
        this.limit = limit;
        this.notFound = notFound;
        this.putStatus = putStatus;
        this.noneIsAnError = noneIsAnError;
    }

    /** The inode the request names: the object's file (NoSuchKey when missing) or the bucket's directory. */
    long inode(S3Store store, S3Exchange x) throws IOException {
        long bucket = store.bucket(x.creds(), x.request().bucket()).inode();
        if (this == BUCKET) {
            return bucket;
        }
        try (Found f = store.find(x.creds(), bucket, x.request().key(), false)) {
            return f.attr().inode();
        }
    }

    /** The {@code <Tagging>} body, its Content-MD5 or checksum verified when one was sent. */
    TagSet body(S3Exchange x) throws IOException {
        byte[] body = x.payload().stream().readNBytes((int) TagSet.MAX_XML + 1);
        UploadChecks.from(x.request()).verify(body, x.payload().trailers().get());
        return TagSet.parseXml(body, limit);
    }
}
