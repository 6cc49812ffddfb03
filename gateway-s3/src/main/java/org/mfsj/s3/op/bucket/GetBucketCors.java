package org.mfsj.s3.op.bucket;

import java.io.IOException;
import org.mfsj.s3.cors.CorsConfigs;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** GetBucketCors: the configuration as stored, or NoSuchCORSConfiguration. */
public final class GetBucketCors implements S3Operation {
    private final S3Store store;
    private final CorsConfigs configs;

    public GetBucketCors(S3Store store, CorsConfigs configs) {
        this.store = store;
        this.configs = configs;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        long bucket = store.bucket(x.creds(), x.request().bucket()).inode();
        x.sendXml(200, configs.read(x.creds(), bucket)
                .orElseThrow(() -> new S3Exception(S3Error.NO_SUCH_CORS_CONFIGURATION)).toXml());
    }
}
