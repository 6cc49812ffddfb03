package org.mfsj.s3.op.bucket;

import java.io.IOException;
import java.io.InputStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.store.Keys;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.xml.XmlReader;
import org.w3c.dom.Element;

/** CreateBucket: a directory under the S3 root, owned by the caller's uid/gid. */
public final class CreateBucket implements S3Operation {
    private static final int MAX_BODY = 64 * 1024;
    static final int BUCKET_MODE = 0700;

    private final S3Store store;

    public CreateBucket(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        String name = x.request().bucket();
        Keys.checkBucket(name);
        readConfiguration(x);
        try {
            // private to its owner, as a new S3 bucket is; sharing is the owner's chmod on any door
            store.client().mkdir(x.creds(), store.rootInode(), name, BUCKET_MODE);
        } catch (MfsException e) {
            if (e.status() == Status.EEXIST) {
                Attr a = store.client().lookup(x.creds(), store.rootInode(), name);
                throw new S3Exception(a.uid() == x.user().uid() ? S3Error.BUCKET_ALREADY_OWNED_BY_YOU
                        : S3Error.BUCKET_ALREADY_EXISTS);
            }
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        }
        x.header("Location", "/" + name);
        x.sendEmpty(200);
    }

    /** The optional CreateBucketConfiguration: only checked to be well formed, any location is accepted. */
    private static void readConfiguration(S3Exchange x) throws IOException {
        InputStream in = x.payload().stream();
        if (x.payload().length() == 0) {
            return;
        }
        byte[] first = in.readNBytes(1);
        if (first.length == 0) {
            return;
        }
        InputStream all = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(first), in);
        Element root = XmlReader.parse(all, MAX_BODY);
        XmlReader.expectRoot(root, "CreateBucketConfiguration");
    }
}
