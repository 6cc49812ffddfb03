package org.mfsj.s3.op.bucket;

import java.io.IOException;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** DeleteBucket: only an empty bucket goes (BucketNotEmpty otherwise). */
public final class DeleteBucket implements S3Operation {
    private final S3Store store;

    public DeleteBucket(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        String name = x.request().bucket();
        store.bucket(x.creds(), name);
        try {
            store.client().rmdir(x.creds(), store.rootInode(), name);
            store.forgetBucket(name);
        } catch (MfsException e) {
            if (e.status() == Status.ENOTEMPTY || e.status() == Status.EEXIST) {
                throw new S3Exception(S3Error.BUCKET_NOT_EMPTY);
            }
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        }
        x.sendEmpty(204);
    }
}
