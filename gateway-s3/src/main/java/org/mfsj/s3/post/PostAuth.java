package org.mfsj.s3.post;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mfsj.s3.auth.S3User;
import org.mfsj.s3.auth.SigV4;
import org.mfsj.s3.auth.Users;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * Who signed a browser upload: SigV4 over the base64 policy itself, with the signing key of the
 * form's x-amz-credential (access key, date, region, service); or, for the older forms many
 * browser libraries still make, Signature V2: HMAC-SHA1 of the policy with the secret key
 * (AWSAccessKeyId and signature fields). The policy's expiration, not a request time, bounds the
 * form's life.
 */
final class PostAuth {
    private PostAuth() {
    }

    static S3User verify(Map<String, String> fields, Users users) throws S3Exception {
        String policy = fields.get("policy");
        if (policy == null) {
            throw new S3Exception(S3Error.ACCESS_DENIED, "Anonymous uploads are not allowed; the form needs a "
                    + "policy signed with SigV4");
        }
        if (fields.containsKey("awsaccesskeyid") && !fields.containsKey("x-amz-algorithm")) {
            return verifyV2(fields, policy, users);
        }
        if (!SigV4.ALGORITHM.equals(fields.get("x-amz-algorithm"))) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "x-amz-algorithm must be " + SigV4.ALGORITHM
                    + " (Signature Version 2 is not supported)");
        }
        String credential = required(fields, "x-amz-credential");
        String signature = required(fields, "x-amz-signature");
        required(fields, "x-amz-date");
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[4].equals("aws4_request")) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "x-amz-credential '" + credential
                    + "' is not ACCESSKEY/DATE/REGION/SERVICE/aws4_request");
        }
        S3User user = users.find(scope[0]).orElseThrow(() -> new S3Exception(S3Error.INVALID_ACCESS_KEY_ID));
        byte[] key = SigV4.signingKey(user.secretKey(), scope[1], scope[2], scope[3]);
        if (!SigV4.same(SigV4.signature(key, policy), signature)) {
            throw new S3Exception(S3Error.SIGNATURE_DOES_NOT_MATCH, S3Error.SIGNATURE_DOES_NOT_MATCH.message()
                    + ". Check your key and signing method.");
        }
        return user;
    }

    private static S3User verifyV2(Map<String, String> fields, String policy, Users users) throws S3Exception {
        String signature = required(fields, "signature");
        S3User user = users.find(fields.get("awsaccesskeyid"))
                .orElseThrow(() -> new S3Exception(S3Error.INVALID_ACCESS_KEY_ID));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(user.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(policy.getBytes(StandardCharsets.UTF_8)));
            if (!SigV4.same(expected, signature)) {
                throw new S3Exception(S3Error.SIGNATURE_DOES_NOT_MATCH, S3Error.SIGNATURE_DOES_NOT_MATCH.message()
                        + ". Check your key and signing method.");
            }
            return user;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }

    static String required(Map<String, String> fields, String name) throws S3Exception {
        String v = fields.get(name);
        if (v == null) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Bucket POST must contain a field named '" + name + "'");
        }
        return v;
    }
}
