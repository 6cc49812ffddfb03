package org.mfsj.s3.op.bucket;

import java.io.IOException;
import org.mfsj.s3.cors.CorsConfigs;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** DeleteBucketCors: 204 whether or not the bucket had a configuration, as S3 answers. */
public final class DeleteBucketCors implements S3Operation {
    private final S3Store store;
    private final CorsConfigs configs;

    public DeleteBucketCors(S3Store store, CorsConfigs configs) {
        this.store = store;
        this.configs = configs;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        configs.delete(x.creds(), store.bucket(x.creds(), x.request().bucket()).inode());
        x.sendEmpty(204);
    }
}
