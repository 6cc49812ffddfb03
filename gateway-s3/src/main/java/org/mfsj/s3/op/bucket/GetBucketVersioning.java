package org.mfsj.s3.op.bucket;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.xml.XmlWriter;

/** GetBucketVersioning: versioning was never enabled, which S3 shows as an empty configuration. */
public final class GetBucketVersioning implements S3Operation {
    private final S3Store store;

    public GetBucketVersioning(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        store.bucket(x.creds(), x.request().bucket());
        x.sendXml(200, XmlWriter.document("VersioningConfiguration"));
    }
}
