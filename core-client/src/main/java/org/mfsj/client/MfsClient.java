package org.mfsj.client;

import java.util.List;
import java.util.Optional;
import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.NameList;
import org.mfsj.common.types.SessionReport;
import org.mfsj.common.types.QuotaInfo;
import org.mfsj.common.types.TrashItem;
import org.mfsj.common.wire.client2master.Publish;

/**
 * The one seam between the doors (FUSE, NFS, S3, CLI) and the cluster: a session with the master
 * plus chunk I/O, named by inode numbers. Every method blocks, is thread-safe and reports failures
 * as {@link MfsException} carrying the master's (or the transport's) {@link org.mfsj.common.status.Status};
 * no protocol type of any door crosses it.
 *
 * <p>Within one client, reads and attributes of an inode see every write made through any of its
 * handles, flushed or not. Calls that fail because the master connection dropped are retried on
 * the resumed session until {@link ClientConfig#masterGoneTimeout()}, then fail with ETIMEDOUT.
 */
public interface MfsClient extends AutoCloseable {

    /** Connects to the first reachable master and opens a session on {@link ClientConfig#subdir()}. */
    static MfsClient connect(ClientConfig cfg) throws MfsException {
        return DefaultMfsClient.connect(cfg);
    }

    /** Inode of this session's root (the mounted subdir). */
    long rootInode();

    /** A name in a directory; "." is the directory, ".." its parent (the root's is the root). */
    Attr lookup(Creds creds, long parent, String name) throws MfsException;

    /** Attributes, with the length including this client's unflushed writes. */
    Attr getattr(long inode) throws MfsException;

    /** Changes attributes; a length change first flushes this client's pending writes to the inode. */
    Attr setattr(Creds creds, long inode, SetAttrRequest change) throws MfsException;

    Attr mkdir(Creds creds, long parent, String name, int mode) throws MfsException;

    Attr mknod(Creds creds, long parent, String name, FileType type, int mode, int rdev) throws MfsException;

    /** A new empty regular file; EEXIST if the name is taken. */
    Attr create(Creds creds, long parent, String name, int mode) throws MfsException;

    void unlink(Creds creds, long parent, String name) throws MfsException;

    void rmdir(Creds creds, long parent, String name) throws MfsException;

    void rename(Creds creds, long srcParent, String srcName, long dstParent, String dstName) throws MfsException;

    Attr link(Creds creds, long inode, long newParent, String newName) throws MfsException;

    Attr symlink(Creds creds, long parent, String name, String target) throws MfsException;

    String readlink(long inode) throws MfsException;

    /**
     * Up to {@code max} entries after {@code cookie} (0 = from the start). Entries' cookies are 3 or
     * more: doors list "." and ".." as cookies 1 and 2 and resume after either from the start.
     */
    DirPage readdir(Creds creds, long dir, long cookie, int max, boolean withAttrs) throws MfsException;

    /**
     * As {@link #readdir} without attributes, packed: one array for the page instead of an object
     * and a String per name, for a door that passes names on (a FUSE readdir).
     */
    default NamesPage readdirNames(Creds creds, long dir, long cookie, int max) throws MfsException {
        DirPage p = readdir(creds, dir, cookie, max, false);
        return new NamesPage(NameList.of(p.entries()), p.eof());
    }

    /**
     * EACCES unless {@code creds} may do every bit of {@code mask} (4 read, 2 write, 1 execute or
     * search) on the inode, as access(2) and NFS ACCESS ask.
     */
    void access(Creds creds, long inode, int mask) throws MfsException;

    /**
     * Opens a regular file; EISDIR for a directory, EINVAL for other kinds, EACCES when
     * {@code creds} may not read (or, forWrite, write) it; its owner always may, as on NFS. The
     * master counts the open for this session until the handle is closed.
     */
    FileHandle open(Creds creds, long inode, boolean forWrite) throws MfsException;

    byte[] getxattr(Creds creds, long inode, String name) throws MfsException;

    /**
     * A new empty regular file, open for writing: {@link #create} then {@link #open}, in one master
     * call where the client can. EEXIST if the name is taken.
     */
    default FileHandle createOpen(Creds creds, long parent, String name, int mode) throws MfsException {
        return open(creds, create(creds, parent, name, mode).inode(), true);
    }

    /**
     * {@link #createOpen} of a private file in a scratch directory (one whose
     * {@code trusted.mfsj.scratch} attribute root has set): the create and the writes' chunk calls
     * are answered once the master has applied them, not once they are durable. Only for a file a
     * later durable change (such as {@link #publish}) puts in view, which makes them durable too;
     * if the master dies first, the file and what was written to it may be gone. Outside a scratch
     * directory (or with a client that cannot), it is {@link #createOpen}.
     */
    default FileHandle createOpenScratch(Creds creds, long parent, String name, int mode) throws MfsException {
        return createOpen(creds, parent, name, mode);
    }

    /**
     * {@link #createOpenScratch(Creds, long, String, int)} for a writer that says whether it will
     * write ({@code willWrite}: a PUT with a body). A client that can then opens the first chunk in
     * the same master call, and has the file's {@link #publish} record its last chunk writes, so
     * neither costs a round trip of its own. Such a file must end published or unlinked by this
     * client, after its handle is closed; the chunk opened for a writer that writes nothing is
     * never created on any chunkserver.
     */
    default FileHandle createOpenScratch(Creds creds, long parent, String name, int mode, boolean willWrite)
            throws MfsException {
        return createOpenScratch(creds, parent, name, mode);
    }

    /** {@link #createOpen} with the directory's attributes after it (one master call where the client can). */
    default CreatedOpen createOpenWithDir(Creds creds, long parent, String name, int mode) throws MfsException {
        FileHandle h = createOpen(creds, parent, name, mode);
        return new CreatedOpen(h, DirChange.readAfter(this, null, parent, 0, List.of()).dir());
    }

    /** {@link #mknod} with the directory's attributes after it (one master call where the client can). */
    default DirChange mknodWithDir(Creds creds, long parent, String name, FileType type, int mode, int rdev)
            throws MfsException {
        return DirChange.readAfter(this, mknod(creds, parent, name, type, mode, rdev), parent, 0, List.of());
    }

    /** {@link #mkdir} with the directory's attributes after it. */
    default DirChange mkdirWithDir(Creds creds, long parent, String name, int mode) throws MfsException {
        return DirChange.readAfter(this, mkdir(creds, parent, name, mode), parent, 0, List.of());
    }

    /** {@link #symlink} with the directory's attributes after it. */
    default DirChange symlinkWithDir(Creds creds, long parent, String name, String target) throws MfsException {
        return DirChange.readAfter(this, symlink(creds, parent, name, target), parent, 0, List.of());
    }

    /** {@link #link} with the new name's directory's attributes after it. */
    default DirChange linkWithDir(Creds creds, long inode, long newParent, String newName) throws MfsException {
        return DirChange.readAfter(this, link(creds, inode, newParent, newName), newParent, 0, List.of());
    }

    /** {@link #unlink} with the directory's attributes after it. */
    default DirChange unlinkWithDir(Creds creds, long parent, String name) throws MfsException {
        List<Long> victim = DirChange.inodeOf(this, parent, name);
        unlink(creds, parent, name);
        return DirChange.readAfter(this, null, parent, 0, victim);
    }

    /** {@link #rmdir} with the directory's attributes after it. */
    default DirChange rmdirWithDir(Creds creds, long parent, String name) throws MfsException {
        List<Long> victim = DirChange.inodeOf(this, parent, name);
        rmdir(creds, parent, name);
        return DirChange.readAfter(this, null, parent, 0, victim);
    }

    /** {@link #rename} with both directories' attributes after it. */
    default DirChange renameWithDirs(Creds creds, long srcParent, String srcName, long dstParent, String dstName)
            throws MfsException {
        List<Long> touched = new java.util.ArrayList<>(DirChange.inodeOf(this, srcParent, srcName));
        touched.addAll(DirChange.inodeOf(this, dstParent, dstName));
        rename(creds, srcParent, srcName, dstParent, dstName);
        return DirChange.readAfter(this, null, srcParent, dstParent, touched);
    }

    /** The master's reply counters (for tests and status); ENOTSUP from a client that cannot ask. */
    default MasterReplyCounts masterReplyCounts() throws MfsException {
        throw unsupported("reply counts");
    }

    /**
     * {@link #lookup} of {@code name}, {@link #getxattr} of {@code xattrName} (absent: null) and,
     * when it is a regular file and {@code openForRead} is set, {@link #open} for reading, in one
     * master call where the client can. The caller closes the handle.
     */
    default ObjectLookup lookupObject(Creds creds, long parent, String name, String xattrName, boolean openForRead)
            throws MfsException {
        Attr a = lookup(creds, parent, name);
        byte[] value;
        try {
            value = getxattr(creds, a.inode(), xattrName);
        } catch (MfsException e) {
            if (e.status() != Status.ENODATA) {
                throw e;
            }
            value = null;
        }
        return new ObjectLookup(a, value, openForRead && a.isFile() ? open(creds, a.inode(), false) : null);
    }

    /**
     * Puts a finished regular file in place: sets its mtime and one extended attribute and renames
     * it over {@code dstName} (as rename: a file there is replaced). Clients that can do it as one
     * master change, so the file never shows at {@code dstName} without its attribute; this default
     * does it in three. Returns the file's attributes.
     */
    default Attr publish(Creds creds, long srcParent, String srcName, long dstParent, String dstName,
            String xattrName, byte[] xattrValue, long mtimeNanos) throws MfsException {
        return publish(creds, srcParent, srcName, dstParent, dstName, xattrName, xattrValue, mtimeNanos,
                Publish.ANY_TARGET);
    }

    /**
     * {@link #publish} on a condition: {@code dstName} must be free ({@code Publish.NO_TARGET}) or
     * be the file {@code expectTarget}, else TARGET_CHANGED and nothing changes. Clients that publish
     * in one master change check it in that change; this default checks first, so it can race.
     */
    default Attr publish(Creds creds, long srcParent, String srcName, long dstParent, String dstName,
            String xattrName, byte[] xattrValue, long mtimeNanos, long expectTarget) throws MfsException {
        return publish(creds, srcParent, srcName, dstParent, dstName, xattrName, xattrValue, mtimeNanos, expectTarget,
                0, "");
    }

    /**
     * {@link #publish} into a directory the caller found at {@code dstPath} ('/' between names)
     * below {@code dstBase}: ESTALE, and nothing changes, when that path no longer leads to
     * {@code dstParent} (another client moved or removed a directory on it since); 0 and "": no
     * check. Clients that publish in one master change check it in that change; this default
     * checks first, so it can race.
     */
    default Attr publish(Creds creds, long srcParent, String srcName, long dstParent, String dstName,
            String xattrName, byte[] xattrValue, long mtimeNanos, long expectTarget, long dstBase, String dstPath)
            throws MfsException {
        if (dstBase != 0 && resolve(creds, dstBase, dstPath) != dstParent) {
            throw new MfsException(Status.ESTALE, "'" + dstPath + "' below " + dstBase + " no longer leads to "
                    + dstParent);
        }
        if (expectTarget != Publish.ANY_TARGET) {
            long bound;
            try {
                bound = lookup(creds, dstParent, dstName).inode();
            } catch (MfsException e) {
                if (e.status() != Status.ENOENT) {
                    throw e;
                }
                bound = Publish.NO_TARGET;
            }
            if (bound != expectTarget) {
                throw new MfsException(Status.TARGET_CHANGED,
                        "'" + dstName + "' in " + dstParent + " is not the file expected");
            }
        }
        Attr a = lookup(creds, srcParent, srcName);
        setattr(creds, a.inode(), new SetAttrRequest(org.mfsj.common.types.SetAttrMask.MTIME, 0, 0, 0, 0, mtimeNanos,
                0));
        setxattr(creds, a.inode(), xattrName, xattrValue, 0);
        rename(creds, srcParent, srcName, dstParent, dstName);
        return getattr(a.inode());
    }

    /** The directory {@code path} ('/' between names) leads to from {@code base}; 0 when it leads nowhere. */
    private long resolve(Creds creds, long base, String path) throws MfsException {
        long dir = base;
        for (String name : path.split("/")) {
            try {
                dir = lookup(creds, dir, name).inode();
            } catch (MfsException e) {
                if (e.status() != Status.ENOENT && e.status() != Status.ENOTDIR) {
                    throw e;
                }
                return 0;
            }
        }
        return dir;
    }

    /** {@code flags}: 0, or 1 = create only, 2 = replace only (as setxattr(2)). */
    void setxattr(Creds creds, long inode, String name, byte[] value, int flags) throws MfsException;

    List<String> listxattr(Creds creds, long inode) throws MfsException;

    void removexattr(Creds creds, long inode, String name) throws MfsException;

    FsStat statfs() throws MfsException;

    /**
     * The lock of another owner that a {@code type} lock on bytes {@code start..end} (inclusive;
     * {@code HeldLock.TO_EOF} for "to the end") would meet; empty when it would be granted.
     * Owners are this session's: a FUSE lock owner, an NFS lock owner the gateway numbered.
     */
    Optional<HeldLock> testLock(long inode, LockFlavor flavor, LockType type, long start, long end, long owner)
            throws MfsException;

    /**
     * Takes, changes or (with UNLOCK) releases a lock of {@code owner}, held by the master so
     * other clients see it. Without {@code wait}: EAGAIN when another owner is in the way. With
     * it: tries again until granted, or EAGAIN once the calling thread is interrupted.
     */
    void setLock(long inode, LockFlavor flavor, LockType type, long start, long end, long owner, int pid, boolean wait)
            throws MfsException;

    /** Drops every lock {@code owner} holds on {@code inode} (a close for POSIX, the last close for flock). */
    void releaseLocks(long inode, LockFlavor flavor, long owner) throws MfsException;

    /** Sets the number of copies wanted; returns how many inodes changed. */
    long setGoal(Creds creds, long inode, int goal, boolean recursive) throws MfsException;

    /** Every chunk of a file with its copies (flushes this client's pending writes first). */
    List<ChunkReport> fileInfo(long inode) throws MfsException;

    ClusterStatus clusterStatus() throws MfsException;

    /**
     * Sets how long deleted files stay in trash, in seconds (0 = freed at once), on a file or
     * directory (whose new children inherit it), with {@code recursive} on all below; returns how
     * many inodes changed. Clients without trash refuse with ENOTSUP.
     */
    default long setTrashTime(Creds creds, long inode, long seconds, boolean recursive) throws MfsException {
        throw unsupported("settrashtime");
    }

    default long getTrashTime(long inode) throws MfsException {
        throw unsupported("gettrashtime");
    }

    /** Every deleted file still in trash, oldest first. */
    default List<TrashItem> listTrash() throws MfsException {
        throw unsupported("trash list");
    }

    /** Puts a file in trash back at its old path (EEXIST if taken; missing directories are made). */
    default Attr restoreTrash(Creds creds, long inode) throws MfsException {
        throw unsupported("trash restore");
    }

    /** Frees a file in trash now; inode 0 = every one {@code creds} may; returns how many went. */
    default long purgeTrash(Creds creds, long inode) throws MfsException {
        throw unsupported("trash purge");
    }

    /**
     * Copies a file or tree to {@code name} in {@code dstParent} in metadata only: chunks are shared
     * until either side writes them. Returns how many inodes were made.
     */
    default long snapshot(Creds creds, long source, long dstParent, String name) throws MfsException {
        throw unsupported("snapshot");
    }

    /**
     * Appends the chunks of files {@code sources}, in order, to the end of file {@code inode} without
     * copying data: chunks are shared until either side writes them, as with snapshots. The file
     * must end on a chunk boundary and every source but the last must be whole chunks (EINVAL
     * otherwise). Pending writes to the file are flushed first. Returns its new attributes.
     * Clients that cannot share chunks refuse with ENOTSUP, and the caller copies bytes instead.
     */
    default Attr appendChunks(Creds creds, long inode, List<Long> sources) throws MfsException {
        throw unsupported("append chunks");
    }

    /** Sets a directory's quota limits (0 = no limit; all 0 removes the quota); root only. */
    default void setQuota(Creds creds, long dir, long softBytes, long hardBytes, long softInodes, long hardInodes)
            throws MfsException {
        throw unsupported("quota set");
    }

    /** A directory's quota with its usage; ENOENT when it has none. */
    default QuotaInfo getQuota(long dir) throws MfsException {
        throw unsupported("quota get");
    }

    private static MfsException unsupported(String what) {
        return new MfsException(Status.ENOTSUP, what + " is not supported by this client");
    }

    /** Every client session the master knows: mounts, gateways, tools. */
    List<SessionReport> sessions() throws MfsException;

    /**
     * Walks an absolute path from this session's root, component by component; "." and ".." are
     * handled here ("/.." stays at the root); symbolic links are not followed.
     */
    default Attr resolve(Creds creds, String absolutePath) throws MfsException {
        return PathWalk.resolve(this, creds, absolutePath);
    }

    /** This session's counters. */
    ClientMetrics metrics();

    /** Leases on directories' names, where the client can hold them. */
    default DirLeaseHolder dirLeases() {
        return DirLeaseHolder.NONE;
    }

    /** Flushes every open file (errors are logged), closes the session and its connections. */
    @Override
    void close();
}
