package org.mfsj.s3.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mfsj.s3.auth.SigV4.Param;
import org.mfsj.s3.auth.UriEncoding;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * One request as S3 sees it, free of Jetty types: method, addressed bucket and key (path or
 * virtual-host style), decoded query parameters and headers with lower-case names.
 */
public final class S3Request {
    private final String method;
    private final String decodedPath;
    private final List<Param> params;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final String bucket;
    private final String key;
    private final String requestId;
    private final String peer;

    private S3Request(String method, String decodedPath, List<Param> params, Map<String, List<String>> headers,
                      String bucket, String key, String requestId, String peer) {
        this.method = method;
        this.decodedPath = decodedPath;
        this.params = List.copyOf(params);
        Map<String, String> q = new LinkedHashMap<>();
        for (Param p : params) {
            q.putIfAbsent(p.name(), p.value());
        }
        this.query = Collections.unmodifiableMap(q);
        this.headers = headers;
        this.bucket = bucket;
        this.key = key;
        this.requestId = requestId;
        this.peer = peer;
    }

    /**
     * @param rawPath  the path as sent (still percent-encoded)
     * @param rawQuery the query as sent, or null
     * @param headers  header names in any case
     * @param domain   base name for virtual-host addressing; empty = path style only
     */
    public static S3Request parse(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                                  String domain, String requestId, String peer) throws S3Exception {
        String path;
        List<Param> params;
        try {
            path = UriEncoding.decode(rawPath == null || rawPath.isEmpty() ? "/" : rawPath, false);
            params = parseQuery(rawQuery);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Bad URI encoding: " + e.getMessage());
        }
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            List<String> values = h.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>());
            v.forEach(value -> values.add(utf8(value)));
        });
        String bucket = virtualHostBucket(first(h, "host"), domain);
        String rest = path.startsWith("/") ? path.substring(1) : path;
        if (bucket == null && !rest.isEmpty()) {
            int slash = rest.indexOf('/');
            bucket = slash < 0 ? rest : rest.substring(0, slash);
            rest = slash < 0 ? "" : rest.substring(slash + 1);
        }
        String key = rest.isEmpty() ? null : rest;
        return new S3Request(method, path, params, h, bucket, key, requestId, peer);
    }

    /**
     * A header value as its sender meant it: Jetty reads header bytes as ISO-8859-1, while SDKs send
     * non-ASCII values (user metadata) as UTF-8 and sign them so; bytes that are not UTF-8 stay as read.
     */
    static String utf8(String value) {
        boolean ascii = true;
        for (int i = 0; i < value.length() && ascii; i++) {
            ascii = value.charAt(i) < 0x80;
        }
        if (ascii) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    private static String virtualHostBucket(String host, String domain) {
        if (host == null || domain.isEmpty()) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon) {
            name = name.substring(0, colon);
        }
        String suffix = "." + domain.toLowerCase(Locale.ROOT);
        return name.endsWith(suffix) && name.length() > suffix.length()
                ? name.substring(0, name.length() - suffix.length()) : null;
    }

    private static List<Param> parseQuery(String raw) {
        List<Param> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = UriEncoding.decode(eq < 0 ? part : part.substring(0, eq), true);
            String value = eq < 0 ? "" : UriEncoding.decode(part.substring(eq + 1), true);
            out.add(new Param(name, value));
        }
        return out;
    }

    private static String first(Map<String, List<String>> h, String name) {
        List<String> v = h.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String method() {
        return method;
    }

    public String decodedPath() {
        return decodedPath;
    }

    public List<Param> params() {
        return params;
    }

    public boolean has(String param) {
        return query.containsKey(param);
    }

    /** The first value of a query parameter, or null. */
    public String param(String name) {
        return query.get(name);
    }

    /** The first value of a query parameter, or {@code dflt} when it is absent. */
    public String param(String name, String dflt) {
        String v = query.get(name);
        return v == null ? dflt : v;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        return first(headers, name.toLowerCase(Locale.ROOT));
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }

    public String requestId() {
        return requestId;
    }

    public String peer() {
        return peer;
    }

    /** For log lines: method, bucket, key and sub-resource names, never signatures. */
    public String describe() {
        StringBuilder sb = new StringBuilder(method).append(' ').append(bucket == null ? "/" : bucket);
        if (key != null) {
            sb.append('/').append(key);
        }
        for (String p : query.keySet()) {
            if (!p.startsWith("X-Amz-")) {
                sb.append(sb.indexOf("?") < 0 ? '?' : '&').append(p);
            }
        }
        return sb.toString();
    }
}
