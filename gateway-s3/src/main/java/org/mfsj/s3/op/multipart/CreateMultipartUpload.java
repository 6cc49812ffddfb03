package org.mfsj.s3.op.multipart;

import java.io.IOException;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.store.ChecksumAlgorithm;
import org.mfsj.s3.store.Keys;
import org.mfsj.s3.xml.XmlWriter;

/** CreateMultipartUpload: a folder aside for the parts, remembering the target and its metadata. */
public final class CreateMultipartUpload implements S3Operation {
    private final Uploads uploads;

    public CreateMultipartUpload(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        S3Request r = x.request();
        uploads.store().bucket(x.creds(), r.bucket());
        Keys.components(r.key());
        String alg = r.header("x-amz-checksum-algorithm");
        if (alg != null && ChecksumAlgorithm.fromName(alg.strip()) == null) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "Checksum algorithm '" + alg + "' is not supported");
        }
        String algorithm = alg == null ? null : ChecksumAlgorithm.fromName(alg.strip()).name();
        Uploads.Upload u = uploads.create(x.creds(), r.bucket(), r.key(), ObjectHeaders.fromRequest(r), algorithm);
        if (algorithm != null) {
            x.header("x-amz-checksum-algorithm", algorithm);
        }
        x.sendXml(200, XmlWriter.document("InitiateMultipartUploadResult")
                .element("Bucket", r.bucket()).element("Key", r.key()).element("UploadId", u.id()));
    }
}
