package org.mfsj.s3.acl;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.Found;
import org.mfsj.s3.store.S3Store;

/** GetObjectAcl: the object's owner has FULL_CONTROL, nobody else is granted anything (see OwnerOnlyAcl). */
public final class GetObjectAcl implements S3Operation {
    private final S3Store store;

    public GetObjectAcl(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        long bucket = store.bucket(x.creds(), x.request().bucket()).inode();
        try (Found f = store.find(x.creds(), bucket, x.request().key(), false)) {
            OwnerOnlyAcl.send(x, f.attr().uid());
        }
    }
}
