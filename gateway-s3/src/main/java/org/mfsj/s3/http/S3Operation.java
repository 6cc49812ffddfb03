package org.mfsj.s3.http;

import java.io.IOException;

/** One S3 API call (PutObject, ListObjectsV2, ...): reads the exchange, acts, answers. */
@FunctionalInterface
public interface S3Operation {
    /**
     * @throws org.mfsj.s3.error.S3Exception for an S3 error answer
     * @throws org.mfsj.common.status.MfsException for a file-system failure the caller maps
     */
    void handle(S3Exchange x) throws IOException;
}
