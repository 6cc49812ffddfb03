package org.mfsj.s3.error;

import java.io.IOException;

/**
 * An S3 error answer. An IOException so that a body stream (chunk signatures, checksums) can
 * raise one from inside a read and the one central catch still answers with the right code.
 */
public final class S3Exception extends IOException {
    private final S3Error error;

    public S3Exception(S3Error error) {
        this(error, error.message());
    }

    public S3Exception(S3Error error, String message) {
        super(message);
        this.error = error;
    }

    public S3Exception(S3Error error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public S3Error error() {
        return error;
    }
}
