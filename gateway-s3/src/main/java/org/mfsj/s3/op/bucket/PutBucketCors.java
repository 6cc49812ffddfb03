package org.mfsj.s3.op.bucket;

import java.io.IOException;
import org.mfsj.s3.cors.CorsConfigs;
import org.mfsj.s3.cors.CorsConfiguration;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.op.UploadChecks;
import org.mfsj.s3.store.S3Store;

/** PutBucketCors: checked as S3 checks it, kept on the bucket's directory, in force at once. */
public final class PutBucketCors implements S3Operation {
    private final S3Store store;
    private final CorsConfigs configs;

    public PutBucketCors(S3Store store, CorsConfigs configs) {
        this.store = store;
        this.configs = configs;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        long bucket = store.bucket(x.creds(), x.request().bucket()).inode();
        configs.put(x.creds(), bucket, CorsConfiguration.parse(UploadChecks.smallBody(x, CorsConfiguration.MAX_XML)));
        x.sendEmpty(200);
    }
}
