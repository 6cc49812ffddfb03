package org.mfsj.s3.op.multipart;

import java.time.Clock;
import java.time.Duration;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.store.Dirs;
import org.mfsj.s3.store.S3Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what clients left behind: multipart uploads older than the expiry, and temp files of
 * PUTs that never finished (a gateway killed mid-upload) once they are a day old.
 */
public final class UploadSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(UploadSweeper.class);
    private static final Duration TEMP_EXPIRY = Duration.ofDays(1);

    private final Uploads uploads;
    private final S3Store store;
    private final Clock clock;
    private final Duration expiry;

    public UploadSweeper(Uploads uploads, Clock clock, Duration expiry) {
        this.uploads = uploads;
        this.store = uploads.store();
        this.clock = clock;
        this.expiry = expiry;
    }

    /** One pass; returns how many uploads and temp files were removed. */
    public int sweep() {
        long now = clock.millis() * 1_000_000L;
        int removed = 0;
        try {
            for (Uploads.Upload u : uploads.all(Creds.ROOT)) {
                if (now - u.initiatedNanos() > expiry.toNanos()) {
                    uploads.remove(Creds.ROOT, u);
                    LOG.info("expired multipart upload {} of {}/{} (started {} s ago)", u.id(), u.bucket(), u.key(),
                            (now - u.initiatedNanos()) / 1_000_000_000L);
                    removed++;
                }
            }
            for (DirEntry e : Dirs.readAll(store.client(), Creds.ROOT, store.tmpDir(), true, S3Error.NO_SUCH_KEY)) {
                if (e.attr() != null && now - e.attr().ctimeNanos() > TEMP_EXPIRY.toNanos()) {
                    store.client().unlink(Creds.ROOT, store.tmpDir(), e.name());
                    removed++;
                }
            }
        } catch (S3Exception | org.mfsj.common.status.MfsException e) {
            LOG.warn("sweeping stale uploads failed: {}", e.getMessage());
        }
        return removed;
    }
}
