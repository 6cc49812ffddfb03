package org.mfsj.s3.op.multipart;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.op.Received;
import org.mfsj.s3.op.UploadChecks;
import org.mfsj.s3.store.ObjectMeta;

/** UploadPart: the body becomes part N of the upload, checked like a PutObject body. */
public final class UploadPart implements S3Operation {
    private final Uploads uploads;

    public UploadPart(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        S3Request r = x.request();
        Uploads.Upload u = uploads.of(x);
        int number = Uploads.partNumber(r.param("partNumber"));
        UploadChecks checks = UploadChecks.from(r);
        Uploads.Part part = uploads.putPart(x.creds(), u, number,
                h -> Received.receive(x.payload(), h, checks).meta(ObjectMeta.empty()), x.payload().length() > 0);
        x.header("ETag", ObjectHeaders.quoted(part.meta().etag()));
        ObjectHeaders.checksums(x, part.meta().checksum());
        x.sendEmpty(200);
    }
}
