package org.mfsj.s3.op.bucket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.list.KeyOrder;
import org.mfsj.s3.list.ListParams;
import org.mfsj.s3.list.ListXml;
import org.mfsj.s3.list.Listing;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.xml.XmlWriter;

/** ListObjectsV2: continuation tokens (the last key, opaque to clients), start-after, fetch-owner. */
public final class ListObjectsV2 implements S3Operation {
    private final S3Store store;

    public ListObjectsV2(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        S3Request r = x.request();
        ListParams p = ListParams.from(r);
        String token = r.param("continuation-token");
        String startAfter = r.param("start-after", "");
        String after = startAfter;
        if (token != null) {
            String resumed = decodeToken(token);
            after = KeyOrder.compare(resumed, startAfter) > 0 ? resumed : startAfter;
        }
        Listing l = Listing.page(store, x, p, after);
        boolean owner = "true".equals(r.param("fetch-owner"));
        XmlWriter w = ListXml.start("ListBucketResult", r.bucket(), p, l);
        w.element("KeyCount", l.objects().size() + l.commonPrefixes().size());
        w.optional("ContinuationToken", token);
        if (l.truncated()) {
            w.element("NextContinuationToken", encodeToken(l.next()));
        }
        if (!startAfter.isEmpty()) {
            w.element("StartAfter", p.show(startAfter));
        }
        for (Listing.Obj o : l.objects()) {
            w.start("Contents");
            ListXml.object(w, o, p, owner);
            w.end();
        }
        ListXml.prefixes(w, l, p);
        x.sendXml(200, w);
    }

    static String encodeToken(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String token) throws S3Exception {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "The continuation token provided is incorrect");
        }
    }
}
