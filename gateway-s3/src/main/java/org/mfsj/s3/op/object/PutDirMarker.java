package org.mfsj.s3.op.object;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.op.UploadChecks;
import org.mfsj.s3.store.DirMarkers;
import org.mfsj.s3.store.Keys;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.store.S3Store;

/**
 * PutObject of a key ending in '/' (a directory marker): makes the directory, as needed, and
 * keeps the marker's metadata on it. The body must be empty: a directory holds no bytes.
 */
final class PutDirMarker {
    private PutDirMarker() {
    }

    static void handle(S3Store store, S3Exchange x, long bucket) throws IOException {
        Keys.markerComponents(x.request().key());
        UploadChecks checks = UploadChecks.from(x.request());
        ObjectMeta requested = ObjectHeaders.fromRequest(x.request());
        // reading to the end runs the payload's own checks (chunk signatures, trailers)
        if (x.payload().stream().readNBytes(1).length > 0) {
            throw new S3Exception(S3Error.INVALID_REQUEST, "A key ending in '/' is a directory here and holds no"
                    + " data: put it with an empty body, or drop the trailing '/' to store bytes");
        }
        String checksum = checks.verify(new byte[0], x.payload().trailers().get());
        Map<String, String> ck = new LinkedHashMap<>();
        if (checksum != null) {
            ck.put(checks.algorithm().name(), checksum);
        }
        ObjectMeta meta = new ObjectMeta(requested.headers(), requested.userMeta(), DirMarkers.EMPTY_ETAG, ck, null,
                store.nowNanos(), 0);
        store.putMarker(x.creds(), bucket, x.request().key(), meta);
        x.header("ETag", ObjectHeaders.quoted(DirMarkers.EMPTY_ETAG));
        ObjectHeaders.checksums(x, ck);
        x.sendEmpty(200);
    }
}
