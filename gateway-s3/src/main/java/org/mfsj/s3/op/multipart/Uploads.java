package org.mfsj.s3.op.multipart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.s3.auth.UriEncoding;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.op.Ingest;
import org.mfsj.s3.store.Dirs;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.store.S3Store;

/**
 * Multipart uploads in progress, kept aside under {@code .mfss3/multipart/<uploadId>/}: the
 * directory carries the target bucket, key, start time and requested metadata in extended
 * attributes; each part is a file {@code part.NNNNN} that appears by rename once complete.
 */
public final class Uploads {
    static final String INFO_XATTR = "user.s3.upload";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final S3Store store;
    private final Clock clock;

    public Uploads(S3Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One upload in progress. */
    public record Upload(String id, long dir, String bucket, String key, long initiatedNanos, int uid,
                         String checksumAlgorithm) {
    }

    /** One stored part. */
    public record Part(int number, Attr attr, ObjectMeta meta) {
    }

    S3Store store() {
        return store;
    }

    Upload create(Creds creds, String bucket, String key, ObjectMeta meta, String checksumAlgorithm) throws S3Exception {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        long now = clock.millis() * 1_000_000L;
        String info = String.join("\n", UriEncoding.encode(bucket, true), UriEncoding.encode(key, true),
                Long.toString(now), checksumAlgorithm == null ? "" : checksumAlgorithm);
        try {
            Attr dir = store.client().mkdir(creds, store.uploadsDir(), id, 0700);
            store.client().setxattr(creds, dir.inode(), INFO_XATTR, info.getBytes(StandardCharsets.UTF_8), 0);
            store.setMeta(creds, dir.inode(), meta);
            return new Upload(id, dir.inode(), bucket, key, now, creds.uid(), checksumAlgorithm);
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        }
    }

    /** The upload a request names (?uploadId= on bucket/key), after checking its bucket; NoSuchUpload otherwise. */
    Upload of(org.mfsj.s3.http.S3Exchange x) throws S3Exception {
        org.mfsj.s3.http.S3Request r = x.request();
        store.bucket(x.creds(), r.bucket());
        return get(x.creds(), r.param("uploadId"), r.bucket(), r.key());
    }

    /** The upload {@code id} for {@code bucket}/{@code key}; NoSuchUpload otherwise. */
    Upload get(Creds creds, String id, String bucket, String key) throws S3Exception {
        Upload u = find(creds, id);
        if (u == null || !u.bucket().equals(bucket) || !u.key().equals(key)) {
            throw new S3Exception(S3Error.NO_SUCH_UPLOAD);
        }
        return u;
    }

    private Upload find(Creds creds, String id) throws S3Exception {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            return null;
        }
        try {
            Attr dir = store.client().lookup(creds, store.uploadsDir(), id);
            return read(creds, id, dir);
        } catch (MfsException e) {
            if (e.status() == Status.ENOENT || e.status() == Status.ENODATA) {
                return null;
            }
            throw ErrorMapping.of(e, S3Error.NO_SUCH_UPLOAD);
        }
    }

    private Upload read(Creds creds, String id, Attr dir) throws MfsException {
        String[] f = new String(store.client().getxattr(creds, dir.inode(), INFO_XATTR), StandardCharsets.UTF_8)
                .split("\n", -1);
        if (f.length < 4) {
            throw new MfsException(Status.ENODATA, "upload " + id + " has no readable info");
        }
        return new Upload(id, dir.inode(), UriEncoding.decode(f[0], false), UriEncoding.decode(f[1], false),
                Long.parseLong(f[2]), dir.uid(), f[3].isEmpty() ? null : f[3]);
    }

    ObjectMeta requestedMeta(Creds creds, Upload u) throws S3Exception {
        return store.meta(creds, u.dir());
    }

    /** Every upload the caller may see (those it cannot read are left out). */
    List<Upload> all(Creds creds) throws S3Exception {
        List<Upload> out = new ArrayList<>();
        for (DirEntry e : Dirs.readAll(store.client(), creds, store.uploadsDir(), true, S3Error.NO_SUCH_UPLOAD)) {
            try {
                if (e.attr() != null && e.attr().isDirectory() && e.name().matches("[0-9a-f]{32}")) {
                    out.add(read(creds, e.name(), e.attr()));
                }
            } catch (MfsException | RuntimeException ignored) {
                // not ours to read, or half made: skip
            }
        }
        return out;
    }

    List<Part> parts(Creds creds, Upload u) throws S3Exception {
        List<Part> out = new ArrayList<>();
        for (DirEntry e : Dirs.readAll(store.client(), creds, u.dir(), true, S3Error.NO_SUCH_UPLOAD)) {
            if (e.name().startsWith("part.") && e.attr() != null && e.attr().isFile()) {
                out.add(new Part(Integer.parseInt(e.name().substring(5)), e.attr(), store.meta(creds, e.inode())));
            }
        }
        out.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return out;
    }

    /**
     * Writes a part aside (in the gateway's scratch directory, as a PUT does: answered by the master
     * once applied), forces it to disk (an acknowledged part is durable; Complete may join its
     * chunks without copying them), and puts it in the upload's folder with its metadata in one
     * durable change, over any earlier copy of that part. {@code plainWrites}: the filler only
     * writes, at least one byte (see {@link Ingest}).
     */
    Part putPart(Creds creds, Upload u, int number, Ingest.Filler filler, boolean plainWrites) throws IOException {
        Ingest.Stored s = Ingest.store(store, creds, filler, S3Error.NO_SUCH_UPLOAD,
                (temp, meta, mtime) -> store.publishAt(creds, temp, u.dir(), partName(number), meta, mtime),
                plainWrites);
        return new Part(number, s.attr(), s.meta());
    }

    /** Removes the upload's folder and everything in it. */
    void remove(Creds creds, Upload u) throws S3Exception {
        try {
            for (DirEntry e : Dirs.readAll(store.client(), creds, u.dir(), false, S3Error.NO_SUCH_UPLOAD)) {
                store.client().unlink(creds, u.dir(), e.name());
            }
            store.client().rmdir(creds, store.uploadsDir(), u.id());
        } catch (MfsException e) {
            if (e.status() != Status.ENOENT) {
                throw ErrorMapping.of(e, S3Error.NO_SUCH_UPLOAD);
            }
        }
    }

    static String partName(int number) {
        return String.format("part.%05d", number);
    }

    static int partNumber(String text) throws S3Exception {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new S3Exception(S3Error.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000, inclusive");
    }
}
