package org.mfsj.s3.op.multipart;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;

/** AbortMultipartUpload: the parts and the upload's folder go. */
public final class AbortMultipartUpload implements S3Operation {
    private final Uploads uploads;

    public AbortMultipartUpload(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        uploads.remove(x.creds(), uploads.of(x));
        x.sendEmpty(204);
    }
}
