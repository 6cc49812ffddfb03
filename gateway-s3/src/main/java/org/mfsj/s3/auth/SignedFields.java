package org.mfsj.s3.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * What a SigV4 request claims, from either the Authorization header or the presigned query.
 *
 * @param credentialDate the yyyyMMdd of the credential scope
 * @param expires        seconds a presigned URL stays valid; -1 for header auth
 */
public record SignedFields(String accessKey, String credentialDate, String region, String service,
                           List<String> signedHeaders, String signature, String amzDate, long expires) {

    public String scope() {
        return SigV4.scope(credentialDate, region, service);
    }

    /** {@code AWS4-HMAC-SHA256 Credential=AK/date/region/s3/aws4_request, SignedHeaders=a;b, Signature=hex}. */
    public static SignedFields fromHeader(String authorization, String amzDate) throws S3Exception {
        String rest = authorization.substring(SigV4.ALGORITHM.length()).strip();
        String credential = null;
        String headers = null;
        String signature = null;
        for (String part : rest.split(",")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw malformedHeader("'" + p + "' is not NAME=VALUE");
            }
            String v = p.substring(eq + 1).strip();
            switch (p.substring(0, eq).strip()) {
                case "Credential" -> credential = v;
                case "SignedHeaders" -> headers = v;
                case "Signature" -> signature = v;
                default -> throw malformedHeader("unknown field '" + p.substring(0, eq) + "'");
            }
        }
        if (credential == null || headers == null || signature == null) {
            throw malformedHeader("Credential, SignedHeaders and Signature are all needed");
        }
        return build(credential, headers, signature, amzDate, -1, S3Error.AUTHORIZATION_HEADER_MALFORMED);
    }

    public static SignedFields fromQuery(String credential, String headers, String signature, String amzDate,
                                         String expires) throws S3Exception {
        S3Error e = S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR;
        if (credential == null || headers == null || signature == null || amzDate == null || expires == null) {
            throw new S3Exception(e, "Query-string authentication requires the X-Amz-Algorithm, X-Amz-Credential,"
                    + " X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }
        long secs;
        try {
            secs = Long.parseLong(expires);
        } catch (NumberFormatException x) {
            throw new S3Exception(e, "X-Amz-Expires should be a number");
        }
        if (secs < 0 || secs > 604_800) {
            throw new S3Exception(e, "X-Amz-Expires must be between 0 and 604800 seconds");
        }
        return build(credential, headers, signature, amzDate, secs, e);
    }

    private static SignedFields build(String credential, String headers, String signature, String amzDate,
                                      long expires, S3Error err) throws S3Exception {
        String[] c = credential.split("/");
        if (c.length != 5 || !c[4].equals("aws4_request") || !c[1].matches("[0-9]{8}")) {
            throw new S3Exception(err, "The credential '" + credential
                    + "' is not of the form ACCESSKEY/yyyyMMdd/REGION/SERVICE/aws4_request");
        }
        if (!c[3].equals("s3")) {
            throw new S3Exception(err, "The credential names service '" + c[3] + "'; expecting 's3'");
        }
        if (amzDate == null || !amzDate.startsWith(c[1])) {
            throw new S3Exception(err, "The credential date " + c[1] + " does not match the request date " + amzDate);
        }
        List<String> names = Arrays.asList(headers.toLowerCase(Locale.ROOT).split(";"));
        if (!names.contains("host")) {
            throw new S3Exception(err, "The host header must be signed");
        }
        if (!signature.matches("[0-9a-f]{64}")) {
            throw new S3Exception(S3Error.SIGNATURE_DOES_NOT_MATCH, "The signature is not 64 lower-case hex digits");
        }
        return new SignedFields(c[0], c[1], c[2], c[3], names, signature, amzDate, expires);
    }

    private static S3Exception malformedHeader(String why) {
        return new S3Exception(S3Error.AUTHORIZATION_HEADER_MALFORMED, "The authorization header is malformed: " + why);
    }
}
