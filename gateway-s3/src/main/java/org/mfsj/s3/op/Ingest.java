package org.mfsj.s3.op;

import java.io.IOException;
import org.mfsj.client.FileHandle;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.store.Keys;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.store.TempFile;

/**
 * How every new object appears: its bytes go to a temp file aside, its metadata onto that file,
 * and one rename puts it in place. A failure at any step removes the temp file, so readers see the
 * old object or the new one, never a part.
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

    public static Stored store(S3Store store, Creds creds, long bucket, String key, Filler filler) throws IOException {
        Keys.components(key);
        TempFile temp = store.newTemp(creds);
        boolean done = false;
        try {
            ObjectMeta meta;
            try (FileHandle h = store.client().open(creds, temp.inode(), true)) {
                meta = filler.fill(h);
            }
            Attr attr = store.client().getattr(temp.inode());
            meta = meta.withStamp(meta.etag(), attr.mtimeNanos(), attr.length());
            store.setMeta(creds, temp.inode(), meta);
            store.commit(creds, temp, bucket, key);
            done = true;
            return new Stored(attr, meta);
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        } finally {
            if (!done) {
                store.discard(temp);
            }
        }
    }
}
