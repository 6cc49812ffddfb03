package org.mfsj.s3.op.multipart;

import java.io.IOException;
import java.util.List;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.op.bucket.Owner;
import org.mfsj.s3.xml.XmlWriter;

/** ListParts: the parts stored so far, by number, with part-number-marker and max-parts. */
public final class ListParts implements S3Operation {
    private final Uploads uploads;

    public ListParts(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        S3Request r = x.request();
        Uploads.Upload u = uploads.of(x);
        int marker = intParam(r, "part-number-marker", 0);
        int max = Math.min(intParam(r, "max-parts", 1000), 1000);
        List<Uploads.Part> parts = uploads.parts(x.creds(), u).stream().filter(p -> p.number() > marker).toList();
        boolean truncated = parts.size() > max;
        List<Uploads.Part> page = parts.subList(0, Math.min(max, parts.size()));
        XmlWriter w = XmlWriter.document("ListPartsResult")
                .element("Bucket", r.bucket()).element("Key", r.key()).element("UploadId", u.id());
        Owner.write(w, "Initiator", u.uid(), Integer.toUnsignedString(u.uid()));
        Owner.write(w, "Owner", u.uid(), Integer.toUnsignedString(u.uid()));
        w.element("StorageClass", "STANDARD").element("PartNumberMarker", marker);
        if (!page.isEmpty()) {
            w.element("NextPartNumberMarker", page.get(page.size() - 1).number());
        }
        w.element("MaxParts", max).element("IsTruncated", truncated);
        for (Uploads.Part p : page) {
            w.start("Part").element("PartNumber", p.number())
                    .element("LastModified", ObjectHeaders.isoDate(p.attr().mtimeNanos()))
                    .element("ETag", ObjectHeaders.quoted(p.meta().etag()))
                    .element("Size", p.attr().length());
            p.meta().checksum().forEach((alg, v) -> w.element("Checksum" + alg, v));
            w.end();
        }
        x.sendXml(200, w);
    }

    static int intParam(S3Request r, String name, int dflt) throws S3Exception {
        String v = r.param(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, name + " must be a non-negative integer");
        }
    }
}
