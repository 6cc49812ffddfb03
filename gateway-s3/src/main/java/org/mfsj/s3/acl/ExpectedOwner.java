package org.mfsj.s3.acl;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.store.S3Store;

/**
 * {@code x-amz-expected-bucket-owner} and {@code x-amz-source-expected-bucket-owner}: a client
 * guarding against a bucket that changed hands names the owner it expects (the uid, as owners
 * are named everywhere here) and gets AccessDenied, with nothing done, when another owns it.
 */
public final class ExpectedOwner {
    private ExpectedOwner() {
    }

    public static void check(S3Request r, S3Store store) throws S3Exception {
        String expected = r.header("x-amz-expected-bucket-owner");
        if (expected != null && r.bucket() != null) {
            checkBucket(store, r.bucket(), expected, "x-amz-expected-bucket-owner");
        }
        String sourceExpected = r.header("x-amz-source-expected-bucket-owner");
        String source = r.header("x-amz-copy-source");
        if (sourceExpected != null && source != null) {
            checkBucket(store, sourceBucket(source), sourceExpected, "x-amz-source-expected-bucket-owner");
        }
    }

    private static void checkBucket(S3Store store, String bucket, String expected, String header) throws S3Exception {
        int uid = store.bucket(Creds.ROOT, bucket).uid();
        if (!Integer.toUnsignedString(uid).equals(expected.strip())) {
            throw new S3Exception(S3Error.ACCESS_DENIED, "Bucket " + bucket + " is not owned by " + expected.strip()
                    + " (" + header + ")");
        }
    }

    private static String sourceBucket(String copySource) {
        String s = URLDecoder.decode(copySource.strip(), StandardCharsets.UTF_8);
        s = s.startsWith("/") ? s.substring(1) : s;
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }
}
