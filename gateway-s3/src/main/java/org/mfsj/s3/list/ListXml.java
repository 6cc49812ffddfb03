package org.mfsj.s3.list;

import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.op.bucket.Owner;
import org.mfsj.s3.xml.XmlWriter;

/** The elements the listing answers share. */
public final class ListXml {
    private ListXml() {
    }

    /** A listing answer with its common head elements written. */
    public static XmlWriter start(String root, String bucket, ListParams p, Listing l) {
        XmlWriter w = XmlWriter.document(root);
        head(w, bucket, p, l.truncated(), p.show(p.prefix()));
        return w;
    }

    /**
     * The same for ListObjects (v1), whose Prefix S3 shows as asked even with encoding-type=url
     * (the SDKs decode only its Delimiter, markers, keys and common prefixes).
     */
    public static XmlWriter startV1(String bucket, ListParams p, Listing l) {
        XmlWriter w = XmlWriter.document("ListBucketResult");
        head(w, bucket, p, l.truncated(), p.prefix());
        return w;
    }

    /** Name, Prefix, Delimiter, MaxKeys, EncodingType, IsTruncated. */
    private static void head(XmlWriter w, String bucket, ListParams p, boolean truncated, String prefix) {
        w.element("Name", bucket).element("Prefix", prefix);
        w.optional("Delimiter", p.show(p.delimiter()));
        w.element("MaxKeys", p.maxKeys());
        if (p.urlEncode()) {
            w.element("EncodingType", "url");
        }
        w.element("IsTruncated", truncated);
    }

    /** Key, LastModified, ETag, Size, StorageClass and optionally Owner, inside the open element. */
    public static void object(XmlWriter w, Listing.Obj o, ListParams p, boolean owner) {
        w.element("Key", p.show(o.key()))
                .element("LastModified", ObjectHeaders.isoDate(o.attr().mtimeNanos()))
                .element("ETag", ObjectHeaders.quoted(o.meta().etag()))
                .element("Size", o.attr().length());
        if (owner) {
            Owner.write(w, "Owner", o.attr().uid(), Integer.toUnsignedString(o.attr().uid()));
        }
        w.element("StorageClass", "STANDARD");
    }

    public static void prefixes(XmlWriter w, Listing l, ListParams p) {
        for (String cp : l.commonPrefixes()) {
            w.start("CommonPrefixes").element("Prefix", p.show(cp)).end();
        }
    }
}
