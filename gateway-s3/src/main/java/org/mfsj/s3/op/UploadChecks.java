package org.mfsj.s3.op;

import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.store.BodyWriter.Written;
import org.mfsj.s3.store.ChecksumAlgorithm;

/**
 * What an upload promises about its bytes: Content-MD5, and one additional checksum given as a
 * header up front or as a trailer at the end of an aws-chunked body. Checked once all bytes are in.
 *
 * @param algorithm the additional checksum to compute, or null
 * @param headerValue its value when sent as a header; null when it comes as a trailer
 * @param trailer whether the value comes as a trailer
 * @param md5 the decoded Content-MD5, or null
 */
public record UploadChecks(ChecksumAlgorithm algorithm, String headerValue, boolean trailer, byte[] md5) {

    /**
     * A small request body (an XML document) whole: at most {@code max} + 1 bytes, so that the
     * parser can tell one that is too large, with its Content-MD5 or checksum verified when sent.
     */
    public static byte[] smallBody(S3Exchange x, long max) throws IOException {
        byte[] body = x.payload().stream().readNBytes((int) max + 1);
        from(x.request()).verify(body, x.payload().trailers().get());
        return body;
    }

    public static UploadChecks from(S3Request r) throws S3Exception {
        ChecksumAlgorithm alg = null;
        String value = null;
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String v = r.header(a.header());
            if (v != null) {
                if (alg != null) {
                    throw new S3Exception(S3Error.INVALID_REQUEST, "Expecting a single x-amz-checksum- header");
                }
                alg = a;
                value = v.strip();
            }
        }
        boolean trailer = false;
        String t = r.header("x-amz-trailer");
        if (t != null) {
            ChecksumAlgorithm ta = ChecksumAlgorithm.fromHeader(t.strip());
            if (ta == null) {
                throw new S3Exception(S3Error.INVALID_REQUEST, "The value specified in the x-amz-trailer header is not supported");
            }
            if (alg != null && alg != ta) {
                throw new S3Exception(S3Error.INVALID_REQUEST, "Expecting a single x-amz-checksum- header");
            }
            alg = ta;
            trailer = value == null;
        }
        String sdk = r.header("x-amz-sdk-checksum-algorithm");
        if (alg == null && sdk != null) {
            alg = ChecksumAlgorithm.fromName(sdk.strip());
        }
        return new UploadChecks(alg, value, trailer, contentMd5(r.header("content-md5")));
    }

    private static byte[] contentMd5(String v) throws S3Exception {
        if (v == null) {
            return null;
        }
        try {
            byte[] b = Base64.getDecoder().decode(v.strip());
            if (b.length != 16) {
                throw new IllegalArgumentException();
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3Error.INVALID_DIGEST, "The Content-MD5 you specified is not valid");
        }
    }

    /** {@link #verify(Written, Map)} for a (small) body held whole in memory. */
    public String verify(byte[] body, Map<String, String> trailers) throws S3Exception {
        String ck = null;
        if (algorithm != null) {
            ChecksumAlgorithm.Running run = algorithm.start();
            run.update(body, 0, body.length);
            ck = run.base64();
        }
        return verify(new Written(body.length, org.mfsj.s3.store.BodyWriter.md5().digest(body), ck), trailers);
    }

    /** Throws BadDigest when what arrived differs from what was promised; returns the checksum to keep. */
    public String verify(Written w, Map<String, String> trailers) throws S3Exception {
        if (md5 != null && !java.security.MessageDigest.isEqual(md5, w.md5())) {
            throw new S3Exception(S3Error.BAD_DIGEST, "The Content-MD5 you specified did not match what we received");
        }
        if (algorithm == null) {
            return null;
        }
        String expected = trailer ? trailers.get(algorithm.header()) : headerValue;
        if (trailer && expected == null) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "The trailer " + algorithm.header() + " was announced but not sent");
        }
        if (expected != null && !expected.equals(w.checksum())) {
            throw new S3Exception(S3Error.BAD_DIGEST, "The " + algorithm.name().toLowerCase(Locale.ROOT)
                    + " you specified did not match the calculated checksum");
        }
        return w.checksum();
    }
}
