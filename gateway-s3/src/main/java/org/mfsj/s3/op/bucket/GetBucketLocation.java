package org.mfsj.s3.op.bucket;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.xml.XmlWriter;

/** GetBucketLocation: the configured region (empty for us-east-1, as S3 answers). */
public final class GetBucketLocation implements S3Operation {
    private final S3Store store;
    private final String region;

    public GetBucketLocation(S3Store store, String region) {
        this.store = store;
        this.region = region;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        store.bucket(x.creds(), x.request().bucket());
        XmlWriter w = XmlWriter.document("LocationConstraint");
        x.sendXml(200, region.equals("us-east-1") ? w : w.text(region));
    }
}
