package org.mfsj.s3.op;

import java.io.IOException;
import org.mfsj.client.FileHandle;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.Timeline;
import org.mfsj.s3.store.Keys;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.store.TempFile;

/**
 * How every new object appears: its bytes go to a temp file aside (created and opened in one
 * master call), then one master change sets its metadata and Last-Modified and renames it into
 * place. A failure at any step removes the temp file, so readers see the old object or the new
 * one, never a part. The bytes are forced to disk on every chunkserver (fsync) before the rename:
 * an S3 200 means the object is durable, not only on the servers' page caches.
 */
public final class Ingest {
    private Ingest() {
    }

    /** Fills the open temp file and returns the metadata to keep (with its ETag; the stamp is added here). */
    @FunctionalInterface
    public interface Filler {
        ObjectMeta fill(FileHandle file) throws IOException;
    }

    /** The stored object: its attributes and metadata. */
    public record Stored(Attr attr, ObjectMeta meta) {
    }

    /** Where a finished temp file goes: one master change that puts it in view with its metadata. */
    @FunctionalInterface
    public interface Destination {
        Attr publish(TempFile temp, ObjectMeta meta, long mtimeNanos) throws MfsException, S3Exception;
    }

    /** Stores a new object at {@code key} in {@code bucket}. */
    public static Stored store(S3Store store, Creds creds, long bucket, String key, Filler filler) throws IOException {
        return store(store, creds, bucket, key, filler, Publish.ANY_TARGET);
    }

    /** As above, published only if {@code key} is then bound to {@code expectTarget} (see {@link PutCondition}). */
    public static Stored store(S3Store store, Creds creds, long bucket, String key, Filler filler, long expectTarget)
            throws IOException {
        return store(store, creds, bucket, key, filler, expectTarget, false);
    }

    /**
     * As above; {@code plainWrites} when the filler only writes the file (no call such as
     * AppendChunks that needs the master to know its length first) and will write something: the
     * temp file's first chunk then comes with its create and its last chunk end with the publish.
     */
    public static Stored store(S3Store store, Creds creds, long bucket, String key, Filler filler, long expectTarget,
            boolean plainWrites) throws IOException {
        Keys.components(key);
        return store(store, creds, filler, S3Error.NO_SUCH_BUCKET,
                (temp, meta, mtime) -> store.publish(creds, temp, bucket, key, meta, mtime, expectTarget), plainWrites);
    }

    /**
     * Stores a new file through a temp file and {@code destination}; a master error becomes
     * {@code missing} when it says something is gone (the bucket, the upload).
     */
    public static Stored store(S3Store store, Creds creds, Filler filler, S3Error missing, Destination destination)
            throws IOException {
        return store(store, creds, filler, missing, destination, false);
    }

    /** As above, with {@code plainWrites} as for {@link #store(S3Store, Creds, long, String, Filler, long, boolean)}. */
    public static Stored store(S3Store store, Creds creds, Filler filler, S3Error missing, Destination destination,
            boolean plainWrites) throws IOException {
        TempFile temp = store.newTemp(creds, plainWrites);
        Timeline.step("create");
        boolean done = false;
        try {
            ObjectMeta meta;
            long length;
            try (FileHandle h = temp.handle()) {
                meta = filler.fill(h);
                length = h.length();
                Timeline.step("body");
                // no flush first: an fsync with data still buffered has the chain force it as the
                // session ends, one round trip instead of a flush and then a sync of its own
                h.fsync();
                Timeline.step("fsync");
            }
            Timeline.step("close");
            // the object's Last-Modified is set with its metadata, so the ETag's stamp is known before
            long mtime = store.nowNanos();
            meta = meta.withStamp(meta.etag(), mtime, length);
            Attr attr = destination.publish(temp, meta, mtime);
            Timeline.step("publish");
            done = true;
            return new Stored(attr, meta);
        } catch (MfsException e) {
            throw ErrorMapping.of(e, missing);
        } finally {
            if (!done) {
                store.discard(temp);
            }
        }
    }
}
