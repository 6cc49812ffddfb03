package org.mfsj.s3.tagging;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** DeleteObjectTagging and DeleteBucketTagging: 204 whether or not there were tags, as S3 answers. */
public final class DeleteTagging implements S3Operation {
    private final S3Store store;
    private final Tags tags;
    private final TagTarget target;

    public DeleteTagging(S3Store store, Tags tags, TagTarget target) {
        this.store = store;
        this.tags = tags;
        this.target = target;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        target.write(store, tags, x, TagSet.NONE);
        x.sendEmpty(204);
    }
}
