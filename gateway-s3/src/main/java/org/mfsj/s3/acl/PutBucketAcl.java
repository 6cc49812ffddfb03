package org.mfsj.s3.acl;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** PutBucketAcl: accepted when it grants what the bucket has (its owner's FULL_CONTROL), refused otherwise. */
public final class PutBucketAcl implements S3Operation {
    private final S3Store store;

    public PutBucketAcl(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        int owner = store.bucket(x.creds(), x.request().bucket()).uid();
        OwnerOnlyAcl.checkBody(x, owner);
        x.sendEmpty(200);
    }
}
