package org.mfsj.s3.op.object;

import java.io.IOException;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.http.Timeline;
import org.mfsj.s3.op.Ingest;
import org.mfsj.s3.op.ObjectHeaders;
import org.mfsj.s3.op.PutCondition;
import org.mfsj.s3.op.Received;
import org.mfsj.s3.op.UploadChecks;
import org.mfsj.s3.store.Keys;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.store.S3Store;

/** PutObject: the body streams into a temp file, is checked, and replaces the key in one rename. */
public final class PutObject implements S3Operation {
    private final S3Store store;

    public PutObject(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        long bucket = store.bucket(x.creds(), x.request().bucket()).inode();
        Timeline.step("bucket");
        if (Keys.isDirMarker(x.request().key())) {
            PutDirMarker.handle(store, x, bucket);
            return;
        }
        UploadChecks checks = UploadChecks.from(x.request());
        ObjectMeta requested = ObjectHeaders.fromRequest(x.request());
        long expectTarget = PutCondition.from(x.request()).expectTarget(store, x.creds(), bucket, x.request().key());
        Ingest.Stored s = Ingest.store(store, x.creds(), bucket, x.request().key(),
                h -> Received.receive(x.payload(), h, checks).meta(requested), expectTarget,
                x.payload().length() > 0);
        x.header("ETag", ObjectHeaders.quoted(s.meta().etag()));
        ObjectHeaders.checksums(x, s.meta().checksum());
        x.sendEmpty(200);
    }
}
