package org.mfsj.s3.op;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mfsj.common.types.Attr;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.tagging.TagSet;

/** The object headers S3 keeps: from a PUT's request into {@link ObjectMeta}, and back onto a GET's answer. */
public final class ObjectHeaders {
    /** Headers stored as sent and returned as stored. */
    public static final List<String> STORED = List.of("Content-Type", "Content-Encoding", "Content-Disposition",
            "Content-Language", "Cache-Control", "Expires");
    public static final String DEFAULT_TYPE = "binary/octet-stream";
    private static final String META_PREFIX = "x-amz-meta-";
    private static final int MAX_USER_META_BYTES = 2048;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ObjectHeaders() {
    }

    /** Stored headers and user metadata from a request (PUT, CreateMultipartUpload, copy with REPLACE). */
    public static ObjectMeta fromRequest(S3Request r) throws S3Exception {
        Map<String, String> h = new LinkedHashMap<>();
        for (String name : STORED) {
            String v = r.header(name);
            if (v != null && name.equals("Content-Encoding")) {
                v = withoutAwsChunked(v);
            }
            if (v != null && !v.isEmpty()) {
                h.put(name, v);
            }
        }
        Map<String, String> m = new LinkedHashMap<>();
        int bytes = 0;
        for (Map.Entry<String, List<String>> e : r.headers().entrySet()) {
            if (e.getKey().startsWith(META_PREFIX) && e.getKey().length() > META_PREFIX.length()) {
                String name = e.getKey().substring(META_PREFIX.length());
                String value = String.join(",", e.getValue());
                bytes += name.length() + value.length();
                m.put(name, value);
            }
        }
        if (bytes > MAX_USER_META_BYTES) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT,
                    "Your metadata headers exceed the maximum allowed metadata size of " + MAX_USER_META_BYTES + " bytes");
        }
        String tagging = r.header("x-amz-tagging");
        Map<String, String> tags = tagging == null ? Map.of() : TagSet.parseQuery(tagging, TagSet.OBJECT_LIMIT).tags();
        return new ObjectMeta(h, m, null, Map.of(), null, 0, -1, tags);
    }

    /** The list without aws-chunked, its other elements and their separators as sent. */
    private static String withoutAwsChunked(String v) {
        StringBuilder sb = new StringBuilder();
        for (String part : v.split(",")) {
            if (!part.isBlank() && !part.strip().equalsIgnoreCase("aws-chunked")) {
                sb.append(sb.length() > 0 ? "," : "").append(part);
            }
        }
        return sb.toString().strip();
    }

    /** ETag, Last-Modified, stored headers, user metadata; response-* query overrides win. */
    public static void apply(S3Exchange x, Attr attr, ObjectMeta meta) {
        x.header("ETag", quoted(meta.etag()));
        x.header("Last-Modified", httpDate(attr.mtimeNanos()));
        x.header("Accept-Ranges", "bytes");
        if (!meta.headers().containsKey("Content-Type")) {
            x.header("Content-Type", DEFAULT_TYPE);
        }
        meta.headers().forEach(x::header);
        meta.userMeta().forEach((k, v) -> x.header(META_PREFIX + k, v));
        if (!meta.tags().isEmpty()) {
            x.header("x-amz-tagging-count", Integer.toString(meta.tags().size()));
        }
        S3Request r = x.request();
        for (String name : STORED) {
            String override = r.param("response-" + name.toLowerCase(Locale.ROOT));
            if (override != null) {
                x.header(name, override);
            }
        }
    }

    /** x-amz-checksum-* headers for the kept checksums (algorithm name to base64 value). */
    public static void checksums(S3Exchange x, Map<String, String> checksum) {
        checksum.forEach((alg, v) -> x.header("x-amz-checksum-" + alg.toLowerCase(Locale.ROOT), v));
    }

    public static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    public static String httpDate(long nanos) {
        return HTTP_DATE.format(Instant.ofEpochSecond(nanos / 1_000_000_000L));
    }

    /** The form S3 uses in XML (LastModified, Initiated). */
    public static String isoDate(long nanos) {
        return ISO.format(Instant.ofEpochSecond(nanos / 1_000_000_000L, (nanos % 1_000_000_000L) / 1_000_000 * 1_000_000));
    }
}
