package org.mfsj.s3.op.bucket;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.mfsj.common.types.DirEntry;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.xml.XmlWriter;

/** ListBuckets: the directories under the S3 root that have bucket names. */
public final class ListBuckets implements S3Operation {
    private final S3Store store;

    public ListBuckets(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        List<DirEntry> buckets = store.buckets(x.creds());
        buckets.sort(Comparator.comparing(DirEntry::name));
        XmlWriter w = XmlWriter.document("ListAllMyBucketsResult");
        Owner.write(w, x.user());
        w.start("Buckets");
        for (DirEntry e : buckets) {
            w.start("Bucket").element("Name", e.name())
                    .element("CreationDate", ObjectHeaders.isoDate(e.attr().ctimeNanos())).end();
        }
        w.end();
        x.sendXml(200, w);
    }
}
