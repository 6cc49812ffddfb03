package org.mfsj.s3.acl;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.Found;
import org.mfsj.s3.store.S3Store;

/** PutObjectAcl: accepted when it grants what the object has (its owner's FULL_CONTROL), refused otherwise. */
public final class PutObjectAcl implements S3Operation {
    private final S3Store store;

    public PutObjectAcl(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        long bucket = store.bucket(x.creds(), x.request().bucket()).inode();
        int owner;
        try (Found f = store.find(x.creds(), bucket, x.request().key(), false)) {
            owner = f.attr().uid();
        }
        OwnerOnlyAcl.checkBody(x, owner);
        x.sendEmpty(200);
    }
}
