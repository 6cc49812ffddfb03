package org.mfsj.s3.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Signature Version 4 codec: canonical request, string to sign, signing key, and the chained
 * signatures of streaming uploads. Pure functions; no HTTP types, no users, no clock.
 */
public final class SigV4 {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {
    }

    /** One query parameter, already decoded. */
    public record Param(String name, String value) {
    }

    /**
     * @param canonicalUri  the path, already encoded with {@link #canonicalUri}
     * @param params        decoded query parameters (the signature parameter left out by the caller)
     * @param signedHeaders lower-case names, sorted, as the client listed them
     * @param headerValues  for each signed header, its value(s) as received
     */
    public static String canonicalRequest(String method, String canonicalUri, List<Param> params,
                                          List<String> signedHeaders, Map<String, List<String>> headerValues,
                                          String payloadHash) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(method).append('\n').append(canonicalUri).append('\n').append(canonicalQuery(params)).append('\n');
        for (String h : signedHeaders) {
            sb.append(h).append(':');
            List<String> values = headerValues.getOrDefault(h, List.of());
            for (int i = 0; i < values.size(); i++) {
                sb.append(i > 0 ? "," : "").append(trimAll(values.get(i)));
            }
            sb.append('\n');
        }
        sb.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash);
        return sb.toString();
    }

    /** The decoded path, encoded once, slashes kept (S3 does not normalise or double-encode). */
    public static String canonicalUri(String decodedPath) {
        return decodedPath.isEmpty() ? "/" : UriEncoding.encode(decodedPath, true);
    }

    public static String canonicalQuery(List<Param> params) {
        List<String[]> enc = new ArrayList<>(params.size());
        for (Param p : params) {
            enc.add(new String[] {UriEncoding.encode(p.name(), false), UriEncoding.encode(p.value(), false)});
        }
        enc.sort((a, b) -> {
            int c = a[0].compareTo(b[0]);
            return c != 0 ? c : a[1].compareTo(b[1]);
        });
        StringBuilder sb = new StringBuilder();
        for (String[] p : enc) {
            sb.append(sb.length() > 0 ? "&" : "").append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    public static String scope(String date, String region, String service) {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
    }

    /** What signs one chunk of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD body. */
    public static String chunkStringToSign(String amzDate, String scope, String previousSignature, String chunkSha256) {
        return ALGORITHM + "-PAYLOAD\n" + amzDate + "\n" + scope + "\n" + previousSignature + "\n" + EMPTY_SHA256
                + "\n" + chunkSha256;
    }

    /** What signs the trailing headers of a ...-PAYLOAD-TRAILER body. */
    public static String trailerStringToSign(String amzDate, String scope, String previousSignature,
                                             String trailerSha256) {
        return ALGORITHM + "-TRAILER\n" + amzDate + "\n" + scope + "\n" + previousSignature + "\n" + trailerSha256;
    }

    public static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    public static String signature(byte[] signingKey, String stringToSign) {
        return HEX.formatHex(hmac(signingKey, stringToSign));
    }

    public static String sha256Hex(String s) {
        return HEX.formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two hex signatures in time independent of where they differ. */
    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
                b.getBytes(StandardCharsets.US_ASCII));
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Header values: outer blanks removed, runs of blanks inside collapsed to one space. */
    static String trimAll(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        boolean space = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ' ' || c == '\t') {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
