package org.mfsj.s3.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** The chunked-upload example of the S3 SigV4 documentation: 64 KiB + 1 KiB of 'a', and its signatures. */
final class ChunkedExample {
    static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    static final String CHUNK1 = "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";
    static final String CHUNK2 = "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497";
    static final String FINAL = "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9";

    private ChunkedExample() {
    }

    static Map<String, String> headers() {
        Map<String, String> h = new TreeMap<>();
        h.put("content-encoding", "aws-chunked");
        h.put("content-length", "66824");
        h.put("host", "s3.amazonaws.com");
        h.put("x-amz-content-sha256", Authenticator.STREAMING);
        h.put("x-amz-date", SigV4Test.DATE);
        h.put("x-amz-decoded-content-length", "66560");
        h.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        return h;
    }

    static String authorization() {
        return "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/" + SigV4Test.SCOPE + ",SignedHeaders="
                + String.join(";", headers().keySet()) + ",Signature=" + SEED;
    }

    /** The framed body exactly as the example sends it. */
    static byte[] body() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunk(out, 65536, CHUNK1);
        chunk(out, 1024, CHUNK2);
        chunk(out, 0, FINAL);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, int size, String sig) {
        out.writeBytes((Integer.toHexString(size) + ";chunk-signature=" + sig + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("a".repeat(size).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
