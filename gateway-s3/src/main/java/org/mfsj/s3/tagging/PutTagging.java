package org.mfsj.s3.tagging;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** PutObjectTagging and PutBucketTagging: the set replaces the one there (an empty set removes it). */
public final class PutTagging implements S3Operation {
    private final S3Store store;
    private final Tags tags;
    private final TagTarget target;

    public PutTagging(S3Store store, Tags tags, TagTarget target) {
        this.store = store;
        this.tags = tags;
        this.target = target;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        TagSet set = target.body(x);
        target.write(store, tags, x, set);
        x.sendEmpty(target.putStatus);
    }
}
