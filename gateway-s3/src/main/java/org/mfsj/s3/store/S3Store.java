package org.mfsj.s3.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mfsj.s3.list.DirCache;
import org.mfsj.client.MfsClient;
import org.mfsj.client.ObjectLookup;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.common.types.DirEntry;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/**
 * The S3 view of the namespace: buckets are directories under the S3 root, keys are paths below
 * them, and the gateway's own working space ({@code .mfss3}: temp files, multipart parts) sits
 * beside the buckets under a name no bucket can have. Every call runs with the caller's
 * credentials, so POSIX permissions decide as they do for every other door.
 */
public final class S3Store {
    public static final String PRIVATE_DIR = ".mfss3";
    private static final int SHARED_DIR_MODE = 01777;
    private static final int DIR_MODE = 0755;
    private static final int FILE_MODE = 0644;

    /** How long a bucket (or a key's directory) found stays known without asking the master again. */
    private static final long BUCKET_TTL_NANOS = 1_000_000_000L;

    private final MfsClient client;
    private final long root;
    private final long tmpDir;
    private final long uploadsDir;
    private final DirCache dirCache;
    private final BucketCache buckets = new BucketCache(BUCKET_TTL_NANOS, System::nanoTime);
    private final KeyDirCache keyDirs = new KeyDirCache(BUCKET_TTL_NANOS, System::nanoTime);
    private final DirMarkers markers;
    private final Clock clock;

    private S3Store(MfsClient client, long root, long tmpDir, long uploadsDir, DirCache dirCache, Clock clock) {
        this.client = client;
        this.dirCache = dirCache;
        this.root = root;
        this.tmpDir = tmpDir;
        this.uploadsDir = uploadsDir;
        this.clock = clock;
        this.markers = new DirMarkers(client);
    }

    /** Finds (or makes, as root) the S3 root and the private working directories. */
    public static S3Store open(MfsClient client, String s3Root) throws MfsException {
        return open(client, s3Root, new DirCache(), Clock.systemUTC());
    }

    /** @param clock gives new objects their Last-Modified */
    public static S3Store open(MfsClient client, String s3Root, DirCache dirCache, Clock clock)
            throws MfsException {
        long dir = client.rootInode();
        for (String part : s3Root.split("/")) {
            if (!part.isEmpty()) {
                dir = mkdirIfMissing(client, dir, part, SHARED_DIR_MODE);
            }
        }
        long priv = mkdirIfMissing(client, dir, PRIVATE_DIR, 0755);
        long tmp = mkdirIfMissing(client, priv, "tmp", SHARED_DIR_MODE);
        ScratchMark.ensure(client, tmp);
        long uploads = mkdirIfMissing(client, priv, "multipart", SHARED_DIR_MODE);
        return new S3Store(client, dir, tmp, uploads, dirCache, clock);
    }

    private static long mkdirIfMissing(MfsClient c, long parent, String name, int mode) throws MfsException {
        try {
            return c.lookup(Creds.ROOT, parent, name).inode();
        } catch (MfsException e) {
            if (e.status() != Status.ENOENT) {
                throw e;
            }
        }
        try {
            return c.mkdir(Creds.ROOT, parent, name, mode).inode();
        } catch (MfsException e) {
            if (e.status() == Status.EEXIST) {
                return c.lookup(Creds.ROOT, parent, name).inode();
            }
            throw e;
        }
    }

    public MfsClient client() {
        return client;
    }

    public long rootInode() {
        return root;
    }

    public long uploadsDir() {
        return uploadsDir;
    }

    /** Sorted listings of big directories, shared by all listing requests. */
    public DirCache dirCache() {
        return dirCache;
    }

    public long tmpDir() {
        return tmpDir;
    }

    /**
     * The caller's buckets, as S3 lists them: directories under the S3 root with bucket names that
     * the caller owns (all of them for uid 0, who owns everything on every door), with attributes.
     */
    public List<DirEntry> buckets(Creds creds) throws S3Exception {
        List<DirEntry> out = new ArrayList<>();
        for (DirEntry e : Dirs.readAll(client, creds, root, true, S3Error.NO_SUCH_BUCKET)) {
            if (e.attr() != null && e.attr().isDirectory() && Keys.isBucketName(e.name())
                    && (creds.uid() == 0 || e.attr().uid() == creds.uid())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The bucket's directory (its attributes may be up to a second old). */
    public Attr bucket(Creds creds, String name) throws S3Exception {
        if (name == null) {
            throw new S3Exception(S3Error.NO_SUCH_BUCKET);
        }
        Attr cached = buckets.get(name, creds.uid());
        if (cached != null) {
            return cached;
        }
        Keys.checkBucket(name);
        try {
            Attr a = client.lookup(creds, root, name);
            if (!a.isDirectory()) {
                throw new S3Exception(S3Error.NO_SUCH_BUCKET);
            }
            buckets.put(name, creds.uid(), a);
            return a;
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        }
    }

    /** This gateway removed the bucket: no request here may find it in the cache. */
    public void forgetBucket(String name) {
        buckets.forget(name);
    }

    /** Now, as a file time in nanoseconds. */
    public long nowNanos() {
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /**
     * The regular file at {@code key} with its stored metadata, and (with {@code openForRead}) open:
     * the last step is one master call. NoSuchKey when it is missing or not a file.
     */
    public Found find(Creds creds, long bucket, String key, boolean openForRead) throws S3Exception {
        List<String> parts = Keys.components(key);
        long dir = bucket;
        try {
            for (String part : parts.subList(0, parts.size() - 1)) {
                Attr a = client.lookup(creds, dir, part);
                if (!a.isDirectory()) {
                    throw new S3Exception(S3Error.NO_SUCH_KEY);
                }
                dir = a.inode();
            }
            ObjectLookup o = client.lookupObject(creds, dir, parts.get(parts.size() - 1), ObjectMeta.XATTR,
                    openForRead);
            if (!o.attr().isFile()) {
                throw new S3Exception(S3Error.NO_SUCH_KEY);
            }
            return new Found(o.attr(), ObjectMeta.decodeOrEmpty(o.xattr()), o.handle());
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_KEY);
        }
    }

    /** A new empty file aside from every bucket, open for writing, to be {@link #publish}ed or {@link #discard}ed. */
    public TempFile newTemp(Creds creds) throws S3Exception {
        return newTemp(creds, false);
    }

    /**
     * As above; {@code plainWrites}: the caller only writes the file, at least one byte, then
     * publishes or discards it (see {@link MfsClient#createOpenScratch(Creds, long, String, int, boolean)}).
     */
    public TempFile newTemp(Creds creds, boolean plainWrites) throws S3Exception {
        String name = UUID.randomUUID().toString();
        try {
            // answered once applied: the temp file shows nowhere until publish, whose durable change covers it
            return new TempFile(tmpDir, name, client.createOpenScratch(creds, tmpDir, name, FILE_MODE, plainWrites));
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        }
    }

    /**
     * Puts a finished (closed) temp file at {@code key} with its metadata and Last-Modified in one
     * master change, replacing an older object; returns the object's attributes.
     */
    public Attr publish(Creds creds, TempFile temp, long bucket, String key, ObjectMeta meta, long mtimeNanos)
            throws S3Exception {
        return publish(creds, temp, bucket, key, meta, mtimeNanos, Publish.ANY_TARGET);
    }

    /**
     * As above, if {@code key} is then the object {@code expectTarget} (or free, for
     * {@code Publish.NO_TARGET}); checked by the master in the same change that replaces it.
     */
    public Attr publish(Creds creds, TempFile temp, long bucket, String key, ObjectMeta meta, long mtimeNanos,
            long expectTarget) throws S3Exception {
        return publish(creds, temp, bucket, key, meta, mtimeNanos, expectTarget, false);
    }

    /**
     * The key's directory comes from the cache when it is there, found or made otherwise; the
     * master checks, as it publishes, that the key's path still leads to it. A directory another
     * client moved or removed meanwhile (ESTALE) is found or made again, once.
     */
    private Attr publish(Creds creds, TempFile temp, long bucket, String key, ObjectMeta meta, long mtimeNanos,
            long expectTarget, boolean again) throws S3Exception {
        List<String> parts = Keys.components(key);
        List<String> dirs = parts.subList(0, parts.size() - 1);
        String dirPath = String.join("/", dirs);
        long cached = dirs.isEmpty() ? 0 : keyDirs.get(creds.uid(), bucket, dirPath);
        long dir = cached;
        if (cached == 0) {
            dir = mkdirs(creds, bucket, dirs, key);
            if (!dirs.isEmpty()) {
                keyDirs.put(creds.uid(), bucket, dirPath, dir);
            }
        }
        String name = parts.get(parts.size() - 1);
        try {
            return client.publish(creds, temp.dir(), temp.name(), dir, name, ObjectMeta.XATTR, meta.encode(),
                    mtimeNanos, expectTarget, dirs.isEmpty() ? 0 : bucket, dirPath);
        } catch (MfsException e) {
            if (!again && (e.status() == Status.ESTALE || (cached != 0 && e.status() == Status.ENOENT))) {
                // the directory moved or went since it was found (nothing changed): find or make it again
                keyDirs.forgetBucket(bucket);
                return publish(creds, temp, bucket, key, meta, mtimeNanos, expectTarget, true);
            }
            if (e.status() == Status.TARGET_CHANGED) {
                // free when the PUT began (If-None-Match), or another object than the one matched (If-Match)
                throw new S3Exception(expectTarget == Publish.NO_TARGET ? S3Error.PRECONDITION_FAILED
                        : S3Error.CONDITIONAL_REQUEST_CONFLICT);
            }
            if (e.status() == Status.EISDIR || e.status() == Status.ENOTEMPTY || e.status() == Status.EEXIST) {
                throw conflict(key, "'" + key + "' is a prefix of other objects");
            }
            throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
        }
    }

    /** Puts a finished temp file at {@code name} in {@code dir}, as {@link #publish} does for a key. */
    public Attr publishAt(Creds creds, TempFile temp, long dir, String name, ObjectMeta meta, long mtimeNanos)
            throws MfsException {
        return client.publish(creds, temp.dir(), temp.name(), dir, name, ObjectMeta.XATTR, meta.encode(), mtimeNanos);
    }

    public void discard(TempFile temp) {
        try {
            client.unlink(Creds.ROOT, temp.dir(), temp.name());
        } catch (MfsException ignored) {
            // already gone, or the master is unreachable: the sweeper removes old temp files
        }
    }

    /** The directory for the parent components of {@code key}, made where missing. */
    long mkdirs(Creds creds, long bucket, List<String> dirs, String key) throws S3Exception {
        long dir = bucket;
        StringBuilder path = new StringBuilder();
        for (String part : dirs) {
            path.append(path.length() > 0 ? "/" : "").append(part);
            try {
                Attr a;
                try {
                    a = client.lookup(creds, dir, part);
                } catch (MfsException e) {
                    if (e.status() != Status.ENOENT) {
                        throw e;
                    }
                    try {
                        a = client.mkdir(creds, dir, part, DIR_MODE);
                    } catch (MfsException race) {
                        if (race.status() != Status.EEXIST) {
                            throw race;
                        }
                        a = client.lookup(creds, dir, part);
                    }
                }
                if (!a.isDirectory()) {
                    throw conflict(key, "'" + path + "' is an object, so it cannot also be a prefix");
                }
                dir = a.inode();
            } catch (MfsException e) {
                throw ErrorMapping.of(e, S3Error.NO_SUCH_BUCKET);
            }
        }
        return dir;
    }

    /**
     * Removes the object at {@code key} and the directories it leaves empty (but those that carry
     * a directory marker); a missing key is not an error. A marker key removes the marker.
     */
    public void delete(Creds creds, long bucket, String key) throws S3Exception {
        boolean marker = Keys.isDirMarker(key);
        List<String> parts = marker ? Keys.markerComponents(key) : Keys.components(key);
        List<Long> path = new ArrayList<>(List.of(bucket));
        try {
            for (String part : parts.subList(0, parts.size() - 1)) {
                Attr a = client.lookup(creds, path.get(path.size() - 1), part);
                if (!a.isDirectory()) {
                    return;
                }
                path.add(a.inode());
            }
            long dir = path.get(path.size() - 1);
            String name = parts.get(parts.size() - 1);
            Attr target = client.lookup(creds, dir, name);
            if (marker) {
                if (!target.isDirectory() || !markers.remove(creds, target.inode())) {
                    return;
                }
                path.add(target.inode());
            } else {
                if (!target.isFile()) {
                    return;
                }
                client.unlink(creds, dir, name);
            }
        } catch (MfsException e) {
            if (e.status() == Status.ENOENT || e.status() == Status.ENOTDIR) {
                return;
            }
            throw ErrorMapping.of(e, S3Error.NO_SUCH_KEY);
        }
        pruneEmpty(creds, path, parts);
    }

    /**
     * S3 has no directories: a prefix with no objects left vanishes, so its directory goes too,
     * unless a directory marker keeps it. {@code path} is the bucket and the directories below it.
     */
    private void pruneEmpty(Creds creds, List<Long> path, List<String> parts) {
        for (int i = path.size() - 1; i >= 1; i--) {
            if (markers.has(creds, path.get(i))) {
                return;
            }
            try {
                client.rmdir(creds, path.get(i - 1), parts.get(i - 1));
            } catch (MfsException e) {
                return;
            }
            keyDirs.forgetBucket(path.get(0));
        }
    }

    /** The directory markers: which directories carry one, and their metadata. */
    public DirMarkers markers() {
        return markers;
    }

    /** PUT of a directory marker: the directory of {@code key}, made as needed, takes {@code meta}. */
    public void putMarker(Creds creds, long bucket, String key, ObjectMeta meta) throws S3Exception {
        markers.put(creds, mkdirs(creds, bucket, Keys.markerComponents(key), key), meta);
    }

    /** The directory marker {@code key} as an object (zero bytes); NoSuchKey without directory or marker. */
    public Found findMarker(Creds creds, long bucket, String key) throws S3Exception {
        List<String> parts = Keys.markerComponents(key);
        long dir = bucket;
        try {
            for (String part : parts.subList(0, parts.size() - 1)) {
                dir = client.lookup(creds, dir, part).inode();
            }
            ObjectLookup o = client.lookupObject(creds, dir, parts.get(parts.size() - 1), DirMarkers.XATTR, false);
            if (!o.attr().isDirectory() || o.xattr() == null) {
                throw new S3Exception(S3Error.NO_SUCH_KEY);
            }
            ObjectMeta meta = DirMarkers.decode(o.xattr());
            return new Found(DirMarkers.asObject(o.attr(), meta), meta, null);
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_KEY);
        }
    }

    public ObjectMeta meta(Creds creds, long inode) throws S3Exception {
        try {
            return ObjectMeta.decodeOrEmpty(client.getxattr(creds, inode, ObjectMeta.XATTR));
        } catch (MfsException e) {
            if (e.status() == Status.ENODATA || e.status() == Status.ENOTSUP) {
                return ObjectMeta.empty();
            }
            throw ErrorMapping.of(e, S3Error.NO_SUCH_KEY);
        }
    }

    public void setMeta(Creds creds, long inode, ObjectMeta meta) throws S3Exception {
        try {
            client.setxattr(creds, inode, ObjectMeta.XATTR, meta.encode(), 0);
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_KEY);
        }
    }

    private static S3Exception conflict(String key, String why) {
        return new S3Exception(S3Error.KEY_CONFLICT, "Cannot store '" + key + "': " + why
                + " (a key cannot be both an object and a prefix of other objects here)");
    }
}
