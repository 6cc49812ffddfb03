package org.mfsj.s3.op.object;

import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import org.mfsj.client.FileHandle;
import org.mfsj.common.status.MfsException;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.op.CopySource;
import org.mfsj.s3.op.Ingest;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.store.BodyWriter;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.xml.XmlWriter;

/** CopyObject: the source's bytes into a new object, metadata copied or replaced (x-amz-metadata-directive). */
public final class CopyObject implements S3Operation {
    private final S3Store store;

    public CopyObject(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        S3Request r = x.request();
        long bucket = store.bucket(x.creds(), r.bucket()).inode();
        String directive = r.header("x-amz-metadata-directive");
        boolean replace = "REPLACE".equalsIgnoreCase(directive);
        if (directive != null && !replace && !"COPY".equalsIgnoreCase(directive)) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Unknown metadata directive.");
        }
        CopySource src = CopySource.resolve(store, x.creds(), r);
        if (src.bucket().equals(r.bucket()) && src.key().equals(r.key()) && !replace) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "This copy request is illegal because it is trying to copy an"
                    + " object to itself without changing the object's metadata, storage class, website redirect"
                    + " location or encryption attributes.");
        }
        ObjectMeta requested = ObjectHeaders.fromRequest(r);
        ObjectMeta base = replace ? requested : src.meta();
        Map<String, String> tags = replacesTags(r) ? requested.tags() : src.meta().tags();
        Ingest.Stored s = Ingest.store(store, x.creds(), bucket, r.key(), h -> {
            BodyWriter.Written w;
            try (FileHandle in = store.client().open(x.creds(), src.attr().inode(), false)) {
                w = BodyWriter.copy(in, 0, src.attr().length(), h, 0, null);
            } catch (MfsException e) {
                throw ErrorMapping.of(e, S3Error.NO_SUCH_KEY);
            }
            if (w.length() != src.attr().length()) {
                throw new S3Exception(S3Error.INTERNAL_ERROR, "The source changed while it was being copied");
            }
            return new ObjectMeta(base.headers(), base.userMeta(), HexFormat.of().formatHex(w.md5()),
                    replace ? Map.of() : src.meta().checksum(), null, 0, -1, tags);
        });
        x.sendXml(200, XmlWriter.document("CopyObjectResult")
                .element("LastModified", ObjectHeaders.isoDate(s.attr().mtimeNanos()))
                .element("ETag", ObjectHeaders.quoted(s.meta().etag())));
    }

    /** x-amz-tagging-directive: COPY (the default) keeps the source's tags, REPLACE takes x-amz-tagging. */
    private static boolean replacesTags(S3Request r) throws S3Exception {
        String directive = r.header("x-amz-tagging-directive");
        boolean replace = "REPLACE".equalsIgnoreCase(directive);
        if (directive != null && !replace && !"COPY".equalsIgnoreCase(directive)) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Unknown tagging directive.");
        }
        return replace;
    }
}
