package org.mfsj.s3.tagging;

import java.util.Optional;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * Tags kept as an extended attribute of the object's file or the bucket's directory, so every
 * gateway and every door sees the same, read and changed with the caller's rights (changing them
 * needs write permission, as changing the object does).
 */
public final class Tags {
    public static final String XATTR = "user.s3.tags";

    private final MfsClient client;

    public Tags(MfsClient client) {
        this.client = client;
    }

    public Optional<TagSet> read(Creds creds, long inode, S3Error notFound) throws S3Exception {
        try {
            return Optional.of(TagSet.decode(client.getxattr(creds, inode, XATTR)));
        } catch (MfsException e) {
            if (e.status() == Status.ENODATA) {
                return Optional.empty();
            }
            throw ErrorMapping.of(e, notFound);
        }
    }

    /** An empty set takes the tags off, as S3 treats a PUT of an empty TagSet. */
    public void put(Creds creds, long inode, TagSet tags, S3Error notFound) throws S3Exception {
        if (tags.tags().isEmpty()) {
            delete(creds, inode, notFound);
            return;
        }
        try {
            client.setxattr(creds, inode, XATTR, tags.encode(), 0);
        } catch (MfsException e) {
            throw ErrorMapping.of(e, notFound);
        }
    }

    public void delete(Creds creds, long inode, S3Error notFound) throws S3Exception {
        try {
            client.removexattr(creds, inode, XATTR);
        } catch (MfsException e) {
            if (e.status() != Status.ENODATA) {
                throw ErrorMapping.of(e, notFound);
            }
        }
    }
}
