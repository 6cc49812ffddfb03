package org.mfsj.s3.op.bucket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.mfsj.common.types.DirEntry;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.xml.XmlWriter;

/**
 * ListBuckets: the directories under the S3 root that have bucket names, by name, whole or in
 * pages ({@code max-buckets}, {@code continuation-token}, {@code prefix}) as current SDKs ask.
 */
public final class ListBuckets implements S3Operation {
    private static final int MAX_BUCKETS = 10_000;

    private final S3Store store;

    public ListBuckets(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        S3Request r = x.request();
        int max = maxBuckets(r.param("max-buckets"));
        String prefix = r.param("prefix", "");
        String after = after(r.param("continuation-token"));
        List<DirEntry> buckets = store.buckets(x.creds()).stream()
                .filter(e -> e.name().startsWith(prefix) && (after == null || e.name().compareTo(after) > 0))
                .sorted(Comparator.comparing(DirEntry::name)).toList();
        XmlWriter w = XmlWriter.document("ListAllMyBucketsResult");
        Owner.write(w, x.user());
        w.start("Buckets");
        int shown = Math.min(max, buckets.size());
        for (DirEntry e : buckets.subList(0, shown)) {
            w.start("Bucket").element("Name", e.name())
                    .element("CreationDate", ObjectHeaders.isoDate(e.attr().ctimeNanos())).end();
        }
        w.end();
        if (shown < buckets.size()) {
            w.element("ContinuationToken", token(buckets.get(shown - 1).name()));
        }
        if (r.has("prefix")) {
            w.element("Prefix", prefix);
        }
        x.sendXml(200, w);
    }

    private static int maxBuckets(String value) throws S3Exception {
        if (value == null) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_BUCKETS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new S3Exception(S3Error.INVALID_ARGUMENT, "max-buckets must be a number from 1 to " + MAX_BUCKETS);
    }

    /** The token names the last bucket of the page before; it is opaque to clients, as S3's are. */
    private static String token(String lastName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
    }

    private static String after(String token) throws S3Exception {
        if (token == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "The continuation token provided is incorrect");
        }
    }
}
