package org.mfsj.s3.op.multipart;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.list.KeyOrder;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.op.bucket.Owner;
import org.mfsj.s3.xml.XmlWriter;

/** ListMultipartUploads: uploads in progress for the bucket, by key then start time. */
public final class ListMultipartUploads implements S3Operation {
    private final Uploads uploads;

    public ListMultipartUploads(Uploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        S3Request r = x.request();
        uploads.store().bucket(x.creds(), r.bucket());
        String prefix = r.param("prefix") == null ? "" : r.param("prefix");
        String keyMarker = r.param("key-marker") == null ? "" : r.param("key-marker");
        String idMarker = r.param("upload-id-marker") == null ? "" : r.param("upload-id-marker");
        int max = Math.min(ListParts.intParam(r, "max-uploads", 1000), 1000);
        List<Uploads.Upload> all = new ArrayList<>();
        for (Uploads.Upload u : uploads.all(x.creds())) {
            int c = KeyOrder.compare(u.key(), keyMarker);
            boolean after = c > 0 || (c == 0 && !idMarker.isEmpty() && u.id().compareTo(idMarker) > 0);
            if (u.bucket().equals(r.bucket()) && u.key().startsWith(prefix) && (keyMarker.isEmpty() || after)) {
                all.add(u);
            }
        }
        all.sort(Comparator.comparing(Uploads.Upload::key, KeyOrder.UTF8)
                .thenComparingLong(Uploads.Upload::initiatedNanos));
        boolean truncated = all.size() > max;
        List<Uploads.Upload> page = all.subList(0, Math.min(max, all.size()));
        XmlWriter w = XmlWriter.document("ListMultipartUploadsResult").element("Bucket", r.bucket())
                .element("KeyMarker", keyMarker).element("UploadIdMarker", idMarker);
        if (truncated) {
            Uploads.Upload last = page.get(page.size() - 1);
            w.element("NextKeyMarker", last.key()).element("NextUploadIdMarker", last.id());
        }
        w.element("Prefix", prefix).element("MaxUploads", max).element("IsTruncated", truncated);
        for (Uploads.Upload u : page) {
            w.start("Upload").element("Key", u.key()).element("UploadId", u.id());
            Owner.write(w, "Initiator", u.uid(), Integer.toUnsignedString(u.uid()));
            Owner.write(w, "Owner", u.uid(), Integer.toUnsignedString(u.uid()));
            w.element("StorageClass", "STANDARD").element("Initiated", ObjectHeaders.isoDate(u.initiatedNanos()));
            w.end();
        }
        x.sendXml(200, w);
    }
}
