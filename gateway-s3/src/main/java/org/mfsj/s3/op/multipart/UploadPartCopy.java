package org.mfsj.s3.op.multipart;

import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import org.mfsj.client.FileHandle;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.op.ByteRange;
import org.mfsj.s3.op.CopySource;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.store.BodyWriter;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.xml.XmlWriter;

/** UploadPartCopy: part N copied from another object, whole or a byte range (x-amz-copy-source-range). */
public final class UploadPartCopy implements S3Operation {
    private final Uploads uploads;

    public UploadPartCopy(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        S3Request r = x.request();
        Uploads.Upload u = uploads.of(x);
        int number = Uploads.partNumber(r.param("partNumber"));
        CopySource src = CopySource.resolve(uploads.store(), x.creds(), r);
        long size = src.attr().length();
        String rangeHeader = r.header("x-amz-copy-source-range");
        ByteRange range = rangeHeader == null ? new ByteRange(0, size - 1) : ByteRange.parseStrict(rangeHeader, size);
        Uploads.Part part = uploads.putPart(x.creds(), u, number, h -> {
            BodyWriter.Written w;
            try (FileHandle in = uploads.store().client().open(x.creds(), src.attr().inode(), false)) {
                w = BodyWriter.copy(in, range.first(), Math.max(0, range.length()), h, 0, null);
            }
            if (w.length() != Math.max(0, range.length())) {
                throw new S3Exception(S3Error.INTERNAL_ERROR, "The source changed while it was being copied");
            }
            return new ObjectMeta(Map.of(), Map.of(), HexFormat.of().formatHex(w.md5()), Map.of(), null, 0, -1);
        }, range.length() > 0);
        x.sendXml(200, XmlWriter.document("CopyPartResult")
                .element("LastModified", ObjectHeaders.isoDate(part.attr().mtimeNanos()))
                .element("ETag", ObjectHeaders.quoted(part.meta().etag())));
    }
}
