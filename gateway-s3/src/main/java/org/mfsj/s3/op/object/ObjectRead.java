package org.mfsj.s3.op.object;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import org.mfsj.common.types.Attr;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.http.Timeline;
import org.mfsj.s3.op.ByteRange;
import org.mfsj.s3.op.Conditionals;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.store.Etags;
import org.mfsj.s3.store.Found;
import org.mfsj.s3.store.Keys;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.store.PartSizes;
import org.mfsj.s3.store.S3Store;

/** GetObject and HeadObject share everything but the body: conditionals, ranges, parts, headers. */
final class ObjectRead {
    private ObjectRead() {
    }

    /** Answers a GET ({@code reads} runs its chunkserver reads) or, with {@code reads} null, a HEAD. */
    static void answer(S3Store store, S3Exchange x, Executor reads) throws IOException {
        boolean withBody = reads != null;
        long bucket = store.bucket(x.creds(), x.request().bucket()).inode();
        Timeline.step("bucket");
        String key = x.request().key();
        try (Found found = Keys.isDirMarker(key) ? store.findMarker(x.creds(), bucket, key)
                : store.find(x.creds(), bucket, key, withBody)) {
            Timeline.step("lookup");
            answer(store, x, found, reads);
        }
        Timeline.step("close");
    }

    private static void answer(S3Store store, S3Exchange x, Found found, Executor reads) throws IOException {
        S3Request r = x.request();
        Attr attr = found.attr();
        ObjectMeta meta = Etags.ensure(store, x.creds(), attr, found.meta());
        try {
            Conditionals.check(r, meta.etag(), attr.mtimeNanos());
        } catch (S3Exception e) {
            if (e.error() != S3Error.NOT_MODIFIED) {
                throw e;
            }
            // a 304 still names the version the client holds, as HTTP caches expect
            x.header("ETag", ObjectHeaders.quoted(meta.etag())).header("Last-Modified",
                    ObjectHeaders.httpDate(attr.mtimeNanos()));
            x.sendEmpty(304);
            return;
        }
        long size = attr.length();
        ByteRange range = partRange(x, meta, size);
        if (range == null) {
            range = ByteRange.parse(r.header("range"), size);
        }
        ObjectHeaders.apply(x, attr, meta);
        if (range == null && "ENABLED".equalsIgnoreCase(r.header("x-amz-checksum-mode"))) {
            ObjectHeaders.checksums(x, meta.checksum());
        }
        int status = 200;
        long first = 0;
        long length = size;
        if (range != null) {
            status = 206;
            first = range.first();
            length = range.length();
            x.header("Content-Range", range.contentRange(size));
        }
        if (found.handle() == null) {
            // HEAD, or a GET of a directory marker, which holds no bytes
            x.sendHeadersOnly(status, length);
            return;
        }
        x.startBody(status, length);
        PieceStream.send(found.handle(), reads, x, first, length);
        Timeline.step("body");
    }

    /** GET ?partNumber=N: the byte range of that part (206), or the whole object as part 1 of 1. */
    private static ByteRange partRange(S3Exchange x, ObjectMeta meta, long size) throws S3Exception {
        String pn = x.request().param("partNumber");
        if (pn == null) {
            return null;
        }
        int n;
        try {
            n = Integer.parseInt(pn);
        } catch (NumberFormatException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000");
        }
        List<Long> parts = meta.parts() == null ? List.of(size) : PartSizes.decode(meta.parts());
        if (n < 1 || n > parts.size()) {
            throw new S3Exception(S3Error.INVALID_RANGE, "bytes */" + size);
        }
        x.header("x-amz-mp-parts-count", Integer.toString(parts.size()));
        long first = 0;
        for (int i = 0; i < n - 1; i++) {
            first += parts.get(i);
        }
        if (parts.get(n - 1) == 0) {
            return null;
        }
        return new ByteRange(first, first + parts.get(n - 1) - 1);
    }
}
