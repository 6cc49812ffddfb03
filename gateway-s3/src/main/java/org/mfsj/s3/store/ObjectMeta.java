package org.mfsj.s3.store;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mfsj.s3.auth.UriEncoding;

/**
 * What S3 knows about an object beyond its bytes, kept in one extended attribute so a GET or HEAD
 * reads it in one call: system headers, user metadata, ETag, checksum, part sizes.
 *
 * <p>{@code stampMtime}/{@code stampLength} record the file as it was when the ETag was computed:
 * a file changed since through another door no longer matches, and its ETag is computed afresh.
 *
 * @param headers   stored response headers by their canonical names (Content-Type, Cache-Control, ...)
 * @param userMeta  x-amz-meta-* values by lower-case name without the prefix
 * @param etag      the ETag without quotes (hex MD5, or hex-N for multipart)
 * @param checksum  algorithm name (CRC32, ...) to base64 value; empty if none
 * @param parts     multipart part sizes as {@link PartSizes} text, or null
 * @param tags      the object's tags (x-amz-tagging, PutObjectTagging), sorted by key; kept here so
 *                  a GET or HEAD counts them without another call
 * @param upload    the multipart upload this object was completed from, or null: a client that lost
 *                  the answer to CompleteMultipartUpload retries it (the SDKs do) and must get the
 *                  same answer, not NoSuchUpload, while the object is still the one it made
 */
public record ObjectMeta(Map<String, String> headers, Map<String, String> userMeta, String etag,
                         Map<String, String> checksum, String parts, long stampMtime, long stampLength,
                         Map<String, String> tags, String upload) {
    public static final String XATTR = "user.s3.meta";

    public ObjectMeta {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        userMeta = Collections.unmodifiableMap(new LinkedHashMap<>(userMeta));
        checksum = Collections.unmodifiableMap(new LinkedHashMap<>(checksum));
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** Metadata not made by a multipart upload. */
    public ObjectMeta(Map<String, String> headers, Map<String, String> userMeta, String etag,
                      Map<String, String> checksum, String parts, long stampMtime, long stampLength,
                      Map<String, String> tags) {
        this(headers, userMeta, etag, checksum, parts, stampMtime, stampLength, tags, null);
    }

    /** Metadata without tags. */
    public ObjectMeta(Map<String, String> headers, Map<String, String> userMeta, String etag,
                      Map<String, String> checksum, String parts, long stampMtime, long stampLength) {
        this(headers, userMeta, etag, checksum, parts, stampMtime, stampLength, Map.of());
    }

    public static ObjectMeta empty() {
        return new ObjectMeta(Map.of(), Map.of(), null, Map.of(), null, 0, -1);
    }

    public boolean matches(long mtimeNanos, long length) {
        return etag != null && stampMtime == mtimeNanos && stampLength == length;
    }

    public ObjectMeta withStamp(String newEtag, long mtimeNanos, long length) {
        return new ObjectMeta(headers, userMeta, newEtag, checksum, parts, mtimeNanos, length, tags, upload);
    }

    public ObjectMeta withTags(Map<String, String> newTags) {
        return new ObjectMeta(headers, userMeta, etag, checksum, parts, stampMtime, stampLength, newTags, upload);
    }

    public ObjectMeta withUpload(String uploadId) {
        return new ObjectMeta(headers, userMeta, etag, checksum, parts, stampMtime, stampLength, tags, uploadId);
    }

    public byte[] encode() {
        StringBuilder sb = new StringBuilder();
        headers.forEach((k, v) -> line(sb, "h:" + k, v));
        userMeta.forEach((k, v) -> line(sb, "m:" + k, v));
        checksum.forEach((k, v) -> line(sb, "c:" + k, v));
        tags.forEach((k, v) -> line(sb, "t:" + k, v));
        if (etag != null) {
            line(sb, "etag", etag);
        }
        if (parts != null) {
            line(sb, "parts", parts);
        }
        if (upload != null) {
            line(sb, "upload", upload);
        }
        line(sb, "stamp", stampMtime + ":" + stampLength);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #decode}, with no value or a value that is not ours (set by hand through another door) as empty. */
    public static ObjectMeta decodeOrEmpty(byte[] raw) {
        if (raw == null) {
            return empty();
        }
        try {
            return decode(raw);
        } catch (RuntimeException e) {
            return empty();
        }
    }

    /** Reads what {@link #encode} wrote; unknown lines are skipped so later versions may add fields. */
    public static ObjectMeta decode(byte[] raw) {
        Map<String, String> h = new LinkedHashMap<>();
        Map<String, String> m = new LinkedHashMap<>();
        Map<String, String> c = new LinkedHashMap<>();
        Map<String, String> t = new LinkedHashMap<>();
        String etag = null;
        String parts = null;
        String upload = null;
        long mtime = 0;
        long length = -1;
        for (String line : new String(raw, StandardCharsets.UTF_8).split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String name = UriEncoding.decode(line.substring(0, tab), false);
            String value = UriEncoding.decode(line.substring(tab + 1), false);
            if (name.startsWith("h:")) {
                h.put(name.substring(2), value);
            } else if (name.startsWith("m:")) {
                m.put(name.substring(2), value);
            } else if (name.startsWith("c:")) {
                c.put(name.substring(2), value);
            } else if (name.startsWith("t:")) {
                t.put(name.substring(2), value);
            } else if (name.equals("etag")) {
                etag = value;
            } else if (name.equals("parts")) {
                parts = value;
            } else if (name.equals("upload")) {
                upload = value;
            } else if (name.equals("stamp")) {
                int colon = value.indexOf(':');
                mtime = Long.parseLong(value.substring(0, colon));
                length = Long.parseLong(value.substring(colon + 1));
            }
        }
        return new ObjectMeta(h, m, etag, c, parts, mtime, length, t, upload);
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append(UriEncoding.encode(name, true)).append('\t').append(UriEncoding.encode(value, true)).append('\n');
    }
}
