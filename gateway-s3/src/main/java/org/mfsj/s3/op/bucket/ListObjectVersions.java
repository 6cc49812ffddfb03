package org.mfsj.s3.op.bucket;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.list.ListParams;
import org.mfsj.s3.list.ListXml;
import org.mfsj.s3.list.Listing;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.xml.XmlWriter;

/** ListObjectVersions for a bucket that never had versioning: every object once, version "null", latest. */
public final class ListObjectVersions implements S3Operation {
    private final S3Store store;

    public ListObjectVersions(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        S3Request r = x.request();
        ListParams p = ListParams.from(r);
        String marker = r.param("key-marker", "");
        Listing l = Listing.page(store, x, p, marker);
        XmlWriter w = ListXml.start("ListVersionsResult", r.bucket(), p, l);
        w.element("KeyMarker", p.show(marker)).element("VersionIdMarker", "");
        if (l.truncated()) {
            w.element("NextKeyMarker", p.show(l.next())).element("NextVersionIdMarker", "null");
        }
        for (Listing.Obj o : l.objects()) {
            w.start("Version");
            w.element("Key", p.show(o.key())).element("VersionId", "null").element("IsLatest", true);
            w.element("LastModified", org.mfsj.s3.op.ObjectHeaders.isoDate(o.attr().mtimeNanos()))
                    .element("ETag", org.mfsj.s3.op.ObjectHeaders.quoted(o.meta().etag()))
                    .element("Size", o.attr().length());
            Owner.write(w, "Owner", o.attr().uid(), Integer.toUnsignedString(o.attr().uid()));
            w.element("StorageClass", "STANDARD");
            w.end();
        }
        ListXml.prefixes(w, l, p);
        x.sendXml(200, w);
    }
}
