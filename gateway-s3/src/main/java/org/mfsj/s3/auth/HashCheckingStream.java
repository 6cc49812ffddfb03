package org.mfsj.s3.auth;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/** Passes a body through and, at its end, checks it against the signed x-amz-content-sha256. */
final class HashCheckingStream extends FilterInputStream {
    private final MessageDigest sha = SigV4.sha256();
    private final String expectedHex;
    private boolean checked;

    HashCheckingStream(InputStream in, String expectedHex) {
        super(in);
        this.expectedHex = expectedHex;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            sha.update(b, off, n);
        } else if (n < 0 && !checked) {
            checked = true;
            if (!SigV4.hex(sha.digest()).equals(expectedHex)) {
                throw new S3Exception(S3Error.CONTENT_SHA256_MISMATCH);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes must still be hashed
        byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 1))];
        int got = read(buf, 0, (int) Math.min(buf.length, n));
        return Math.max(got, 0);
    }
}
