package org.mfsj.s3.tagging;

import java.io.IOException;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** GetObjectTagging (an empty set when there are none) and GetBucketTagging (NoSuchTagSet then). */
public final class GetTagging implements S3Operation {
    private final S3Store store;
    private final Tags tags;
    private final TagTarget target;

    public GetTagging(S3Store store, Tags tags, TagTarget target) {
        this.store = store;
        this.tags = tags;
        this.target = target;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        x.sendXml(200, target.read(store, tags, x).orElseThrow(() -> new S3Exception(S3Error.NO_SUCH_TAG_SET))
                .toXml());
    }
}
