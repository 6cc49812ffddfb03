package org.mfsj.s3.op;

import java.io.IOException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.auth.UriEncoding;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.store.Etags;
import org.mfsj.s3.store.Found;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.store.S3Store;

/** The object named by {@code x-amz-copy-source} ({@code [/]bucket/key[?versionId=...]}), found and checked. */
public record CopySource(String bucket, String key, Attr attr, ObjectMeta meta) {

    public static CopySource resolve(S3Store store, Creds creds, S3Request r) throws IOException {
        String raw = r.header("x-amz-copy-source");
        String path = raw.strip();
        int q = path.indexOf('?');
        if (q >= 0) {
            String query = path.substring(q + 1);
            if (query.startsWith("versionId=") && !query.equals("versionId=null")) {
                throw new S3Exception(S3Error.NOT_IMPLEMENTED, "Versions are not kept: only versionId=null can be copied");
            }
            path = path.substring(0, q);
        }
        try {
            path = UriEncoding.decode(path, false);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Bad x-amz-copy-source encoding");
        }
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Copy Source must mention the source bucket and key:"
                    + " sourcebucket/sourcekey");
        }
        String bucket = path.substring(0, slash);
        String key = path.substring(slash + 1);
        Attr b = store.bucket(creds, bucket);
        Found found = store.find(creds, b.inode(), key, false);
        Attr a = found.attr();
        ObjectMeta meta = Etags.ensure(store, creds, a, found.meta());
        Conditionals.checkCopySource(r, meta.etag(), a.mtimeNanos());
        return new CopySource(bucket, key, a, meta);
    }
}
