package org.mfsj.s3.tagging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mfsj.s3.auth.UriEncoding;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.xml.XmlReader;
import org.mfsj.s3.xml.XmlWriter;
import org.w3c.dom.Element;

/**
 * The tags of an object or a bucket, checked as S3 checks them (at most 10 on an object and 50 on a
 * bucket, keys of 1 to 128 characters, values up to 256, no key twice, no {@code aws:} keys). Kept
 * as the query form the {@code x-amz-tagging} header uses ({@code k1=v1&k2=v2}). A set has no order
 * in S3; it is kept and listed sorted by key, so every answer lists it the same way.
 */
public record TagSet(Map<String, String> tags) {
    public static final int OBJECT_LIMIT = 10;
    public static final int BUCKET_LIMIT = 50;
    static final int MAX_KEY = 128;
    static final int MAX_VALUE = 256;
    static final long MAX_XML = 64 << 10;
    public static final TagSet NONE = new TagSet(Map.of());

    public TagSet {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /** A {@code <Tagging>} document (PutObjectTagging, PutBucketTagging). */
    public static TagSet parseXml(byte[] xml, int limit) throws IOException {
        Element root = XmlReader.parse(new ByteArrayInputStream(xml), MAX_XML);
        XmlReader.expectRoot(root, "Tagging");
        var sets = XmlReader.children(root, "TagSet");
        if (sets.size() != 1) {
            throw new S3Exception(S3Error.MALFORMED_XML, "<Tagging> holds exactly one <TagSet>");
        }
        Builder b = new Builder(limit);
        for (Element tag : XmlReader.children(sets.get(0), "Tag")) {
            String value = XmlReader.text(tag, "Value");
            b.add(XmlReader.required(tag, "Key"), value == null ? "" : value);
        }
        return b.build();
    }

    /** The {@code x-amz-tagging} header's form, also how tags are stored. */
    public static TagSet parseQuery(String query, int limit) throws S3Exception {
        Builder b = new Builder(limit);
        if (!query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                try {
                    b.add(UriEncoding.decode(key, true), UriEncoding.decode(value, true));
                } catch (IllegalArgumentException e) {
                    throw new S3Exception(S3Error.INVALID_ARGUMENT, "The tag set must be encoded as UTF-8 URL query"
                            + " parameters (" + e.getMessage() + ")");
                }
            }
        }
        return b.build();
    }

    /** What {@link #encode} wrote, without the limits of a request (a stored set was checked when put). */
    public static TagSet decode(byte[] stored) throws S3Exception {
        return parseQuery(new String(stored, StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    public byte[] encode() {
        StringBuilder sb = new StringBuilder();
        tags.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(UriEncoding.encode(k, false)).append('=').append(UriEncoding.encode(v, false));
        });
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public XmlWriter toXml() {
        XmlWriter w = XmlWriter.document("Tagging").start("TagSet");
        tags.forEach((k, v) -> w.start("Tag").element("Key", k).element("Value", v).end());
        return w.end();
    }

    private static final class Builder {
        private final int limit;
        private final Map<String, String> tags = new HashMap<>();

        Builder(int limit) {
            this.limit = limit;
        }

        void add(String key, String value) throws S3Exception {
            int keyLength = key.codePointCount(0, key.length());
            if (keyLength == 0 || keyLength > MAX_KEY) {
                throw new S3Exception(S3Error.INVALID_TAG, "A tag key has 1 to " + MAX_KEY + " characters, not "
                        + keyLength);
            }
            if (value.codePointCount(0, value.length()) > MAX_VALUE) {
                throw new S3Exception(S3Error.INVALID_TAG, "The TagValue you have provided is too long, max "
                        + MAX_VALUE);
            }
            if (key.startsWith("aws:")) {
                throw new S3Exception(S3Error.INVALID_TAG, "System tags cannot be added/updated by requester");
            }
            if (tags.putIfAbsent(key, value) != null) {
                throw new S3Exception(S3Error.INVALID_TAG, "Cannot provide multiple Tags with the same key");
            }
            if (tags.size() > limit) {
                throw new S3Exception(S3Error.BAD_REQUEST, (limit == OBJECT_LIMIT ? "Object" : "Bucket")
                        + " tags cannot be greater than " + limit);
            }
        }

        TagSet build() {
            return new TagSet(tags);
        }
    }
}
