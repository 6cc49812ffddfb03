package org.mfsj.s3.op.bucket;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** HeadBucket: 200 when the bucket exists and the caller may look it up. */
public final class HeadBucket implements S3Operation {
    private final S3Store store;
    private final String region;

    public HeadBucket(S3Store store, String region) {
        this.store = store;
        this.region = region;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        store.bucket(x.creds(), x.request().bucket());
        x.header("x-amz-bucket-region", region);
        x.sendEmpty(200);
    }
}
