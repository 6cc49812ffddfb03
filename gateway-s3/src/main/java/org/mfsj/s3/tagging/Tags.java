package org.mfsj.s3.tagging;

import java.util.Optional;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.store.Found;
import org.mfsj.s3.store.ObjectMeta;

/**
 * Where tags are kept, read and changed with the caller's rights (changing them needs write
 * permission, as changing the object does): a bucket's in the extended attribute
 * {@value #BUCKET_XATTR} of its directory, an object's in its {@link ObjectMeta}, so that a GET or
 * HEAD counts them without another call. Either way every gateway and door sees the same.
 */
public final class Tags {
    public static final String BUCKET_XATTR = "user.s3.tags";

    private final MfsClient client;

    public Tags(MfsClient client) {
        this.client = client;
    }

    public Optional<TagSet> ofBucket(Creds creds, long dir) throws S3Exception {
        try {
            return Optional.of(TagSet.decode(client.getxattr(creds, dir, BUCKET_XATTR)));
        } catch (MfsException e) {
            if (e.status() == Status.ENODATA) {
                return Optional.empty();
            }
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        }
    }

    /** An empty set takes the tags off, as S3 treats a PUT of an empty TagSet. */
    public void setOnBucket(Creds creds, long dir, TagSet tags) throws S3Exception {
        try {
            if (tags.tags().isEmpty()) {
                client.removexattr(creds, dir, BUCKET_XATTR);
            } else {
                client.setxattr(creds, dir, BUCKET_XATTR, tags.encode(), 0);
            }
        } catch (MfsException e) {
            if (e.status() != Status.ENODATA) {
                throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
            }
        }
    }

    /** Rewrites the object's metadata with {@code tags} in place of the ones it had. */
    public void setOnObject(Creds creds, Found object, TagSet tags) throws S3Exception {
        try {
            client.setxattr(creds, object.attr().inode(), ObjectMeta.XATTR,
                    object.meta().withTags(tags.tags()).encode(), 0);
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_KEY);
        }
    }
}
