package org.mfsj.s3.store;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.mfsj.client.FileHandle;

/**
 * Streams bytes into a file through a bounded buffer, computing the MD5 (the ETag) and, when asked,
 * one additional checksum on the way; never holds more than one buffer of the object.
 */
public final class BodyWriter {
    private static final int BUFFER = 1 << 20;

    private BodyWriter() {
    }

    /** What was written: byte count, MD5, and the additional checksum (null when none was asked). */
    public record Written(long length, byte[] md5, String checksum) {
    }

    /**
     * @param limit stop with an error past this many bytes (a body longer than declared); -1 = none
     */
    public static Written write(InputStream in, FileHandle out, long offset, ChecksumAlgorithm alg, long limit)
            throws IOException {
        MessageDigest md5 = md5();
        ChecksumAlgorithm.Running ck = alg == null ? null : alg.start();
        // a declared length sizes the buffer: a 4 KiB PUT zeroing a 1 MiB array cost more CPU than
        // the rest of its body's handling; one byte more lets the first read meet the end
        byte[] buf = new byte[limit >= 0 ? (int) Math.min(BUFFER, limit + 1) : BUFFER];
        long total = 0;
        while (true) {
            int n = in.readNBytes(buf, 0, buf.length);
            if (n <= 0) {
                break;
            }
            if (limit >= 0 && total + n > limit) {
                throw new org.mfsj.s3.error.S3Exception(org.mfsj.s3.error.S3Error.INVALID_REQUEST,
                        "The body is longer than the " + limit + " bytes declared");
            }
            md5.update(buf, 0, n);
            if (ck != null) {
                ck.update(buf, 0, n);
            }
            out.write(offset + total, buf, 0, n);
            total += n;
            if (n < buf.length) {
                // readNBytes returns short only at the end; one more call confirms and runs end-of-body checks
                if (in.read() >= 0) {
                    throw new IllegalStateException("stream returned a short read before its end");
                }
                break;
            }
        }
        return new Written(total, md5.digest(), ck == null ? null : ck.base64());
    }

    /** Copies {@code length} bytes from {@code src} at {@code from} to {@code dst} at {@code to}. */
    public static Written copy(FileHandle src, long from, long length, FileHandle dst, long to,
                               ChecksumAlgorithm alg) throws IOException {
        MessageDigest md5 = md5();
        ChecksumAlgorithm.Running ck = alg == null ? null : alg.start();
        byte[] buf = new byte[BUFFER];
        long done = 0;
        while (done < length) {
            int n = src.read(from + done, buf, 0, (int) Math.min(buf.length, length - done));
            if (n <= 0) {
                break;
            }
            md5.update(buf, 0, n);
            if (ck != null) {
                ck.update(buf, 0, n);
            }
            dst.write(to + done, buf, 0, n);
            done += n;
        }
        return new Written(done, md5.digest(), ck == null ? null : ck.base64());
    }

    public static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
