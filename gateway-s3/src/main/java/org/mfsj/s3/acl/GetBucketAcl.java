package org.mfsj.s3.acl;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;

/** GetBucketAcl: the bucket directory's owner has FULL_CONTROL, nobody else is granted anything (see OwnerOnlyAcl). */
public final class GetBucketAcl implements S3Operation {
    private final S3Store store;

    public GetBucketAcl(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        OwnerOnlyAcl.send(x, store.bucket(x.creds(), x.request().bucket()).uid());
    }
}
