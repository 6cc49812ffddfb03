package org.mfsj.s3.op.object;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** DeleteObject: removes the key (absent is fine, as in S3) and prefixes it leaves empty. */
public final class DeleteObject implements S3Operation {
    private final S3Store store;

    public DeleteObject(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        long bucket = store.bucket(x.creds(), x.request().bucket()).inode();
        store.delete(x.creds(), bucket, x.request().key());
        x.sendEmpty(204);
    }
}
