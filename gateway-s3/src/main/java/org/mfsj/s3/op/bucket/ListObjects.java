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

/** ListObjects (version 1): marker and NextMarker. */
public final class ListObjects implements S3Operation {
    private final S3Store store;

    public ListObjects(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        S3Request r = x.request();
        ListParams p = ListParams.from(r);
        String marker = r.param("marker", "");
        Listing l = Listing.page(store, x, p, marker);
        XmlWriter w = ListXml.startV1(r.bucket(), p, l);
        w.element("Marker", p.show(marker));
        if (l.truncated() && p.delimiter() != null) {
            w.element("NextMarker", p.show(l.next()));
        }
        for (Listing.Obj o : l.objects()) {
            w.start("Contents");
            ListXml.object(w, o, p, true);
            w.end();
        }
        ListXml.prefixes(w, l, p);
        x.sendXml(200, w);
    }
}
