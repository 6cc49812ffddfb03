package org.mfsj.s3.auth;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mfsj.s3.auth.SigV4.Param;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Request;

/**
 * Decides who sent a request: SigV4 by Authorization header or presigned query, checked against
 * the users file and the clock; then wraps the body so that what the signature promised about it
 * (hash, chunk signatures, trailers) is checked as it is read.
 */
public final class Authenticator {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Authenticator.class);
    public static final String UNSIGNED = "UNSIGNED-PAYLOAD";
    public static final String STREAMING = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public static final String STREAMING_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public static final String STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Users users;
    private final Clock clock;
    private final Duration maxSkew;
    private final SigningKeys signingKeys = new SigningKeys();

    public Authenticator(Users users, Clock clock, Duration maxSkew) {
        this.users = users;
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    /** Who signed, and the body as the signature describes it. */
    public record Authenticated(S3User user, Payload payload) {
    }

    /** Neither an Authorization header nor a presigned query: refused by {@link #authenticate}. */
    public static boolean isAnonymous(S3Request r) {
        return r.header("authorization") == null && !isPresigned(r);
    }

    private static boolean isPresigned(S3Request r) {
        return r.has("X-Amz-Algorithm") || r.has("X-Amz-Signature");
    }

    public Authenticated authenticate(S3Request r, InputStream rawBody) throws S3Exception {
        String auth = r.header("authorization");
        boolean presigned = isPresigned(r);
        if (auth == null && !presigned) {
            throw new S3Exception(S3Error.ACCESS_DENIED, "Anonymous access is not allowed; sign the request (SigV4)");
        }
        if (auth != null && presigned) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Only one auth mechanism allowed");
        }
        SignedFields f;
        String payloadHash;
        if (presigned) {
            if (!SigV4.ALGORITHM.equals(r.param("X-Amz-Algorithm"))) {
                throw new S3Exception(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
                        "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
            }
            f = SignedFields.fromQuery(r.param("X-Amz-Credential"), r.param("X-Amz-SignedHeaders"),
                    r.param("X-Amz-Signature"), r.param("X-Amz-Date"), r.param("X-Amz-Expires"));
            String h = r.header("x-amz-content-sha256");
            payloadHash = h != null ? h : UNSIGNED;
        } else {
            if (!auth.startsWith(SigV4.ALGORITHM + " ")) {
                throw new S3Exception(S3Error.INVALID_REQUEST, "Only AWS Signature Version 4 (AWS4-HMAC-SHA256) is supported");
            }
            payloadHash = r.header("x-amz-content-sha256");
            if (payloadHash == null) {
                throw new S3Exception(S3Error.INVALID_REQUEST, "Missing required header for this request: x-amz-content-sha256");
            }
            f = SignedFields.fromHeader(auth, requestDate(r));
        }
        S3User user = users.find(f.accessKey()).orElseThrow(() -> new S3Exception(S3Error.INVALID_ACCESS_KEY_ID));
        checkTime(f);
        byte[] key = signingKeys.key(user.secretKey(), f.credentialDate(), f.region(), f.service());
        String canonical = SigV4.canonicalRequest(r.method(), SigV4.canonicalUri(r.decodedPath()),
                presigned ? withoutSignature(r.params()) : r.params(), f.signedHeaders(), r.headers(), payloadHash);
        String expected = SigV4.signature(key, SigV4.stringToSign(f.amzDate(), f.scope(), canonical));
        if (!SigV4.same(expected, f.signature())) {
            LOG.debug("{} {}: signature mismatch; canonical request was:\n{}", r.peer(), r.requestId(), canonical);
            throw new S3Exception(S3Error.SIGNATURE_DOES_NOT_MATCH, S3Error.SIGNATURE_DOES_NOT_MATCH.message()
                    + ". Check your key and signing method.");
        }
        return new Authenticated(user, payload(r, rawBody, payloadHash, new ChunkSigner(key, f.amzDate(), f.scope(),
                expected)));
    }

    private Payload payload(S3Request r, InputStream raw, String payloadHash, ChunkSigner signer) throws S3Exception {
        long contentLength = longHeader(r, "content-length");
        switch (payloadHash) {
            case UNSIGNED:
                if (!isAwsChunked(r)) {
                    return Payload.of(raw, contentLength);
                }
                return chunked(r, raw, null);
            case STREAMING, STREAMING_TRAILER:
                return chunked(r, raw, signer);
            case STREAMING_UNSIGNED_TRAILER:
                return chunked(r, raw, null);
            default:
                if (!payloadHash.matches("[0-9a-f]{64}")) {
                    throw new S3Exception(S3Error.INVALID_ARGUMENT, "x-amz-content-sha256 must be UNSIGNED-PAYLOAD,"
                            + " a STREAMING-* value, or the hex SHA-256 of the payload");
                }
                return Payload.of(new HashCheckingStream(raw, payloadHash), contentLength);
        }
    }

    private static Payload chunked(S3Request r, InputStream raw, ChunkSigner signer) throws S3Exception {
        long decoded = longHeader(r, "x-amz-decoded-content-length");
        ChunkedPayloadStream s = new ChunkedPayloadStream(new BufferedInputStream(raw, 64 * 1024), signer, decoded);
        Supplier<Map<String, String>> trailers = s::trailers;
        return new Payload(s, decoded, trailers);
    }

    private static boolean isAwsChunked(S3Request r) {
        String ce = r.header("content-encoding");
        return ce != null && ce.contains("aws-chunked");
    }

    private static long longHeader(S3Request r, String name) throws S3Exception {
        String v = r.header(name);
        if (v == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Bad " + name + ": '" + v + "'");
        }
    }

    private void checkTime(SignedFields f) throws S3Exception {
        Instant signedAt = AmzDate.parse(f.amzDate());
        if (signedAt == null) {
            throw new S3Exception(f.expires() >= 0 ? S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR : S3Error.ACCESS_DENIED,
                    "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        Instant now = clock.instant();
        if (f.expires() >= 0) {
            if (now.isAfter(signedAt.plusSeconds(f.expires()))) {
                throw new S3Exception(S3Error.ACCESS_DENIED, "Request has expired");
            }
            if (signedAt.isAfter(now.plus(maxSkew))) {
                throw new S3Exception(S3Error.ACCESS_DENIED, "Request is not valid yet");
            }
            return;
        }
        if (Duration.between(signedAt, now).abs().compareTo(maxSkew) > 0) {
            throw new S3Exception(S3Error.REQUEST_TIME_TOO_SKEWED, "The difference between the request time ("
                    + signedAt + ") and the server's time (" + now + ") is too large.");
        }
    }

    /** X-Amz-Date, or the Date header turned into the same form. */
    private static String requestDate(S3Request r) throws S3Exception {
        String amz = r.header("x-amz-date");
        if (amz != null) {
            return amz;
        }
        String date = r.header("date");
        if (date == null) {
            throw new S3Exception(S3Error.ACCESS_DENIED, "AWS authentication requires a valid Date or x-amz-date header");
        }
        try {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(ZoneOffset.UTC)
                    .format(AMZ_DATE);
        } catch (DateTimeParseException e) {
            throw new S3Exception(S3Error.ACCESS_DENIED, "AWS authentication requires a valid Date or x-amz-date header");
        }
    }

    private static List<Param> withoutSignature(List<Param> params) {
        List<Param> out = new ArrayList<>(params.size());
        for (Param p : params) {
            if (!p.name().equals("X-Amz-Signature")) {
                out.add(p);
            }
        }
        return out;
    }
}
