package org.mfsj.s3.store;

import java.io.IOException;
import java.util.HexFormat;
import org.mfsj.client.FileHandle;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;

/**
 * An object's metadata with a valid ETag. Objects put through S3 carry theirs; a file written or
 * changed through another door gets its MD5 computed once and kept, stamped with the mtime and
 * length it was computed for.
 */
public final class Etags {
    private Etags() {
    }

    public static ObjectMeta ensure(S3Store store, Creds creds, Attr attr) throws IOException {
        return ensure(store, creds, attr, store.meta(creds, attr.inode()));
    }

    /** As above, with the metadata already read. */
    public static ObjectMeta ensure(S3Store store, Creds creds, Attr attr, ObjectMeta meta) throws IOException {
        if (meta.matches(attr.mtimeNanos(), attr.length())) {
            return meta;
        }
        String etag = md5Hex(store, creds, attr);
        ObjectMeta fresh = new ObjectMeta(meta.headers(), meta.userMeta(), etag, java.util.Map.of(), null,
                attr.mtimeNanos(), attr.length(), meta.tags());
        try {
            store.client().setxattr(creds, attr.inode(), ObjectMeta.XATTR, fresh.encode(), 0);
        } catch (MfsException e) {
            // a reader may not own the file: the ETag is still right, only not kept
        }
        return fresh;
    }

    private static String md5Hex(S3Store store, Creds creds, Attr attr) throws IOException {
        var md5 = BodyWriter.md5();
        byte[] buf = new byte[1 << 20];
        try (FileHandle h = store.client().open(creds, attr.inode(), false)) {
            long off = 0;
            int n;
            while ((n = h.read(off, buf, 0, buf.length)) > 0) {
                md5.update(buf, 0, n);
                off += n;
            }
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_KEY);
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
