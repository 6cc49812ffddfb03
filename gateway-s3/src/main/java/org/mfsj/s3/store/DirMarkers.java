package org.mfsj.s3.store;

import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * Directory markers: the zero-byte objects {@code "a/b/"} that consoles, rclone and many tools
 * make to show a folder. Here the marker is the directory {@code a/b} itself, carrying the
 * marker's metadata in an extended attribute: FUSE and NFS users see a plain directory, and the
 * object exists (in listings, HEAD, GET) while the directory does and the attribute is on it.
 * A directory without the attribute is no object, as S3 has no directories.
 */
public final class DirMarkers {
    public static final String XATTR = "user.s3.dir";
    /** MD5 of nothing: the ETag of every marker. */
    public static final String EMPTY_ETAG = "d41d8cd98f00b204e9800998ecf8427e";

    private final MfsClient client;

    DirMarkers(MfsClient client) {
        this.client = client;
    }

    void put(Creds creds, long dir, ObjectMeta meta) throws S3Exception {
        try {
            client.setxattr(creds, dir, XATTR, meta.encode(), 0);
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        }
    }

    /** Whether {@code dir} carries a marker; unreadable counts as no. */
    public boolean has(Creds creds, long dir) {
        try {
            client.getxattr(creds, dir, XATTR);
            return true;
        } catch (MfsException e) {
            return false;
        }
    }

    /** The marker on {@code dir} as an object, or null when it has none (or is gone). */
    public ObjectMeta get(Creds creds, long dir) {
        try {
            return decode(client.getxattr(creds, dir, XATTR));
        } catch (MfsException e) {
            return null;
        }
    }

    /** A marker's metadata; one set by hand through another door is an empty marker. */
    static ObjectMeta decode(byte[] raw) {
        ObjectMeta m = ObjectMeta.decodeOrEmpty(raw);
        return m.etag() == null ? m.withStamp(EMPTY_ETAG, 0, 0) : m;
    }

    /** Takes the marker off {@code dir}; false when it had none. */
    boolean remove(Creds creds, long dir) throws MfsException {
        try {
            client.removexattr(creds, dir, XATTR);
            return true;
        } catch (MfsException e) {
            if (e.status() == Status.ENODATA) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The directory's attributes as the marker object's: zero bytes, and the Last-Modified the
     * marker was put with (the directory's own mtime moves with every entry in it).
     */
    public static Attr asObject(Attr dir, ObjectMeta meta) {
        return new Attr(dir.inode(), FileType.FILE, dir.mode(), dir.uid(), dir.gid(), dir.atimeNanos(),
                meta.stampMtime(), dir.ctimeNanos(), dir.nlink(), 0, dir.rdev(), dir.goal(), dir.generation());
    }
}
