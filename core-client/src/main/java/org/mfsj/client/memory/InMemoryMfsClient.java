package org.mfsj.client.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mfsj.client.ClientMetrics;
import org.mfsj.client.ClusterStatus;
import org.mfsj.client.DirPage;
import org.mfsj.client.FileHandle;
import org.mfsj.client.FsStat;
import org.mfsj.client.MfsClient;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockOwner;
import org.mfsj.common.locks.LockTable;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.SessionReport;
import org.mfsj.common.types.SetAttrMask;

/**
 * A whole file system in memory behind the {@link MfsClient} interface, for the doors' unit tests
 * (FUSE, NFS, S3, CLI) so they need no cluster. It follows POSIX namespace rules (EEXIST,
 * ENOTEMPTY, EISDIR, rename over an existing entry, cookies that survive other entries' removal)
 * but checks no permissions (only {@link #access} answers from the mode bits) and keeps files of
 * up to 2 GiB. One lock serialises everything.
 */
public final class InMemoryMfsClient implements MfsClient {
    private static final long ROOT = 1;
    private static final long CAPACITY = 1L << 40;
    // one client, one session: owners of this client are all this session's
    private static final long SESSION = 1;

    private final Clock clock;
    private final Map<Long, MemNode> nodes = new HashMap<>();
    private final Map<Long, Long> parents = new HashMap<>();
    private final ClientMetrics metrics = new ClientMetrics();
    private final LockTable locks = new LockTable();
    private long nextInode = ROOT + 1;

    public InMemoryMfsClient() {
        this(Clock.systemUTC());
    }

    public InMemoryMfsClient(Clock clock) {
        this.clock = clock;
        nodes.put(ROOT, new MemNode(ROOT, FileType.DIRECTORY, 0755, 0, 0, now()));
        parents.put(ROOT, ROOT);
    }

    long now() {
        Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Override
    public long rootInode() {
        return ROOT;
    }

    @Override
    public synchronized Attr lookup(Creds creds, long parent, String name) throws MfsException {
        MemNode dir = dir(parent);
        if (name.equals(".")) {
            return dir.attr();
        }
        if (name.equals("..")) {
            return nodes.get(parents.get(parent)).attr();
        }
        Long child = dir.children.get(name);
        if (child == null) {
            throw new MfsException(Status.ENOENT, "lookup '" + name + "' in " + parent);
        }
        return nodes.get(child).attr();
    }

    @Override
    public synchronized Attr getattr(long inode) throws MfsException {
        return node(inode).attr();
    }

    @Override
    public synchronized Attr setattr(Creds creds, long inode, SetAttrRequest c) throws MfsException {
        MemNode n = node(inode);
        int m = c.mask();
        long now = now();
        if ((m & SetAttrMask.LENGTH) != 0) {
            if (n.type != FileType.FILE) {
                throw new MfsException(n.type == FileType.DIRECTORY ? Status.EISDIR : Status.EINVAL, "truncate");
            }
            if (c.length() > Integer.MAX_VALUE - 8) {
                throw new MfsException(Status.EFBIG, "the in-memory file system holds files up to 2 GiB");
            }
            n.setLength(c.length());
            n.mtime = now;
        }
        n.mode = (m & SetAttrMask.MODE) != 0 ? c.mode() & 07777 : n.mode;
        n.uid = (m & SetAttrMask.UID) != 0 ? c.uid() : n.uid;
        n.gid = (m & SetAttrMask.GID) != 0 ? c.gid() : n.gid;
        n.atime = (m & SetAttrMask.ATIME_NOW) != 0 ? now : (m & SetAttrMask.ATIME) != 0 ? c.atimeNanos() : n.atime;
        n.mtime = (m & SetAttrMask.MTIME_NOW) != 0 ? now : (m & SetAttrMask.MTIME) != 0 ? c.mtimeNanos() : n.mtime;
        n.ctime = now;
        return n.attr();
    }

    @Override
    public Attr mkdir(Creds creds, long parent, String name, int mode) throws MfsException {
        return mknod(creds, parent, name, FileType.DIRECTORY, mode, 0);
    }

    @Override
    public synchronized Attr mknod(Creds creds, long parent, String name, FileType type, int mode, int rdev)
            throws MfsException {
        MemNode n = make(creds, parent, name, type, mode);
        n.rdev = rdev;
        return n.attr();
    }

    @Override
    public Attr create(Creds creds, long parent, String name, int mode) throws MfsException {
        return mknod(creds, parent, name, FileType.FILE, mode, 0);
    }

    @Override
    public synchronized Attr symlink(Creds creds, long parent, String name, String target) throws MfsException {
        MemNode n = make(creds, parent, name, FileType.SYMLINK, 0777);
        n.target = target;
        n.length = target.length();
        return n.attr();
    }

    private MemNode make(Creds creds, long parent, String name, FileType type, int mode) throws MfsException {
        MemNode dir = dir(parent);
        checkName(name);
        if (dir.children.containsKey(name)) {
            throw new MfsException(Status.EEXIST, "'" + name + "' in " + parent);
        }
        MemNode n = new MemNode(nextInode++, type, mode, creds.uid(), creds.gid(), now());
        nodes.put(n.inode, n);
        if (type == FileType.DIRECTORY) {
            parents.put(n.inode, parent);
        }
        dir.addChild(name, n.inode);
        dir.mtime = n.ctime;
        return n;
    }

    @Override
    public synchronized void unlink(Creds creds, long parent, String name) throws MfsException {
        MemNode n = child(parent, name);
        if (n.type == FileType.DIRECTORY) {
            throw new MfsException(Status.EISDIR, "unlink '" + name + "'");
        }
        dir(parent).removeChild(name);
        dropLink(n);
    }

    @Override
    public synchronized void rmdir(Creds creds, long parent, String name) throws MfsException {
        MemNode n = child(parent, name);
        if (n.type != FileType.DIRECTORY) {
            throw new MfsException(Status.ENOTDIR, "rmdir '" + name + "'");
        }
        if (!n.children.isEmpty()) {
            throw new MfsException(Status.ENOTEMPTY, "rmdir '" + name + "'");
        }
        dir(parent).removeChild(name);
        nodes.remove(n.inode);
        parents.remove(n.inode);
    }

    @Override
    public synchronized void rename(Creds creds, long srcParent, String srcName, long dstParent, String dstName)
            throws MfsException {
        MemNode n = child(srcParent, srcName);
        MemNode to = dir(dstParent);
        checkName(dstName);
        if (n.type == FileType.DIRECTORY) {
            for (long p = dstParent; ; p = parents.get(p)) {
                if (p == n.inode) {
                    throw new MfsException(Status.EINVAL, "rename a directory into itself");
                }
                if (p == ROOT) {
                    break;
                }
            }
        }
        Long existing = to.children.get(dstName);
        if (existing != null) {
            if (existing == n.inode) {
                return;
            }
            replace(n, nodes.get(existing), dstParent, dstName);
        }
        dir(srcParent).removeChild(srcName);
        to.addChild(dstName, n.inode);
        if (n.type == FileType.DIRECTORY) {
            parents.put(n.inode, dstParent);
        }
        n.ctime = now();
    }

    private void replace(MemNode n, MemNode old, long dstParent, String dstName) throws MfsException {
        if (n.type == FileType.DIRECTORY && old.type != FileType.DIRECTORY) {
            throw new MfsException(Status.ENOTDIR, "rename a directory over '" + dstName + "'");
        }
        if (n.type != FileType.DIRECTORY && old.type == FileType.DIRECTORY) {
            throw new MfsException(Status.EISDIR, "rename over directory '" + dstName + "'");
        }
        if (old.type == FileType.DIRECTORY && !old.children.isEmpty()) {
            throw new MfsException(Status.ENOTEMPTY, "rename over '" + dstName + "'");
        }
        dir(dstParent).removeChild(dstName);
        if (old.type == FileType.DIRECTORY) {
            nodes.remove(old.inode);
            parents.remove(old.inode);
        } else {
            dropLink(old);
        }
    }

    @Override
    public synchronized Attr link(Creds creds, long inode, long newParent, String newName) throws MfsException {
        MemNode n = node(inode);
        if (n.type == FileType.DIRECTORY) {
            throw new MfsException(Status.EPERM, "hard link to a directory");
        }
        MemNode dir = dir(newParent);
        checkName(newName);
        if (dir.children.containsKey(newName)) {
            throw new MfsException(Status.EEXIST, "'" + newName + "' in " + newParent);
        }
        dir.addChild(newName, inode);
        n.nlink++;
        n.ctime = now();
        return n.attr();
    }

    @Override
    public synchronized String readlink(long inode) throws MfsException {
        MemNode n = node(inode);
        if (n.type != FileType.SYMLINK) {
            throw new MfsException(Status.EINVAL, "readlink of a " + n.type);
        }
        return n.target;
    }

    @Override
    public synchronized DirPage readdir(Creds creds, long dir, long cookie, int max, boolean withAttrs)
            throws MfsException {
        MemNode d = dir(dir);
        List<DirEntry> out = new ArrayList<>();
        for (Map.Entry<Long, String> e : d.byCookie.tailMap(cookie, false).entrySet()) {
            if (out.size() >= max) {
                return new DirPage(out, false);
            }
            MemNode n = nodes.get(d.children.get(e.getValue()));
            out.add(new DirEntry(e.getValue(), n.inode, n.type, e.getKey(), withAttrs ? n.attr() : null));
        }
        return new DirPage(out, true);
    }

    /**
     * The one permission question this fake answers, from the mode bits as the master would
     * without an ACL: doors ask it for the rights of callers other than root and the owner.
     */
    @Override
    public synchronized void access(Creds creds, long inode, int mask) throws MfsException {
        MemNode n = node(inode);
        int want = mask & 7;
        boolean ok;
        if (creds.isRoot()) {
            ok = (want & 1) == 0 || n.type == FileType.DIRECTORY || (n.mode & 0111) != 0;
        } else {
            int shift = creds.uid() == n.uid ? 6 : creds.inGroup(n.gid) ? 3 : 0;
            ok = ((n.mode >> shift) & want) == want;
        }
        if (!ok) {
            throw new MfsException(Status.EACCES, "access " + want + " to inode " + inode);
        }
    }

    @Override
    public synchronized FileHandle open(Creds creds, long inode, boolean forWrite) throws MfsException {
        MemNode n = node(inode);
        if (n.type != FileType.FILE) {
            throw new MfsException(n.type == FileType.DIRECTORY ? Status.EISDIR : Status.EINVAL, "open " + inode);
        }
        return new MemFileHandle(this, n, forWrite);
    }

    @Override
    public synchronized byte[] getxattr(Creds creds, long inode, String name) throws MfsException {
        byte[] v = node(inode).xattrs.get(name);
        if (v == null) {
            throw new MfsException(Status.ENODATA, "xattr '" + name + "' of " + inode);
        }
        return v.clone();
    }

    @Override
    public synchronized void setxattr(Creds creds, long inode, String name, byte[] value, int flags)
            throws MfsException {
        MemNode n = node(inode);
        boolean exists = n.xattrs.containsKey(name);
        if (flags == 1 && exists) {
            throw new MfsException(Status.EEXIST, "xattr '" + name + "'");
        }
        if (flags == 2 && !exists) {
            throw new MfsException(Status.ENODATA, "xattr '" + name + "'");
        }
        n.xattrs.put(name, value.clone());
        n.ctime = now();
    }

    @Override
    public synchronized List<String> listxattr(Creds creds, long inode) throws MfsException {
        return List.copyOf(node(inode).xattrs.keySet());
    }

    @Override
    public synchronized void removexattr(Creds creds, long inode, String name) throws MfsException {
        if (node(inode).xattrs.remove(name) == null) {
            throw new MfsException(Status.ENODATA, "xattr '" + name + "' of " + inode);
        }
    }

    @Override
    public synchronized FsStat statfs() {
        long used = nodes.values().stream().mapToLong(n -> n.type == FileType.FILE ? n.length : 0).sum();
        return new FsStat(CAPACITY, CAPACITY - used, used, nodes.size());
    }

    @Override
    public synchronized Optional<HeldLock> testLock(long inode, LockFlavor flavor, LockType type, long start, long end,
            long owner) throws MfsException {
        node(inode);
        return locks.conflict(inode, flavor, type, start, end, new LockOwner(SESSION, owner));
    }

    @Override
    public synchronized void setLock(long inode, LockFlavor flavor, LockType type, long start, long end, long owner,
            int pid, boolean wait) throws MfsException {
        node(inode);
        while (locks.set(inode, flavor, type, start, end, new LockOwner(SESSION, owner), pid).isPresent()) {
            if (!wait) {
                throw new MfsException(Status.EAGAIN, type + " lock on " + inode + " held by another owner");
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MfsException(Status.EAGAIN, "interrupted waiting for a lock on " + inode);
            }
        }
        notifyAll();
    }

    @Override
    public synchronized void releaseLocks(long inode, LockFlavor flavor, long owner) {
        locks.releaseOwner(inode, flavor, new LockOwner(SESSION, owner));
        notifyAll();
    }

    @Override
    public synchronized long setGoal(Creds creds, long inode, int goal, boolean recursive) throws MfsException {
        if (goal < 1 || goal > 9) {
            throw new MfsException(Status.EINVAL, "goal " + goal);
        }
        MemNode n = node(inode);
        n.goal = goal;
        long count = 1;
        if (recursive && n.type == FileType.DIRECTORY) {
            for (long child : n.children.values()) {
                count += setGoal(creds, child, goal, true);
            }
        }
        return count;
    }

    @Override
    public synchronized List<ChunkReport> fileInfo(long inode) throws MfsException {
        MemNode n = node(inode);
        List<ChunkReport> out = new ArrayList<>();
        for (long i = 0; i * ChunkGeometry.CHUNK_SIZE < n.length; i++) {
            out.add(new ChunkReport((int) i, (inode << 20) | i, 1, n.goal, List.of()));
        }
        return out;
    }

    @Override
    public ClusterStatus clusterStatus() {
        return new ClusterStatus(List.of(), List.of(), 0, 0, 0, 1, nodes.size());
    }

    @Override
    public List<SessionReport> sessions() {
        return List.of(new SessionReport(SESSION, "in-memory", "local", ROOT, true, clock.millis(), 0, locks.heldBy(SESSION)));
    }

    @Override
    public ClientMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
    }

    private MemNode node(long inode) throws MfsException {
        MemNode n = nodes.get(inode);
        if (n == null) {
            throw new MfsException(Status.ENOENT, "no inode " + inode);
        }
        return n;
    }

    private MemNode dir(long inode) throws MfsException {
        MemNode n = node(inode);
        if (n.type != FileType.DIRECTORY) {
            throw new MfsException(Status.ENOTDIR, "inode " + inode + " is a " + n.type);
        }
        return n;
    }

    private MemNode child(long parent, String name) throws MfsException {
        Long c = dir(parent).children.get(name);
        if (c == null) {
            throw new MfsException(Status.ENOENT, "'" + name + "' in " + parent);
        }
        return nodes.get(c);
    }

    private void dropLink(MemNode n) {
        n.nlink--;
        n.ctime = now();
        if (n.nlink <= 0) {
            // open handles keep the node object and go on working, as with an unlinked open file
            nodes.remove(n.inode);
        }
    }

    private static void checkName(String name) throws MfsException {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0) {
            throw new MfsException(Status.EINVAL, "bad name '" + name + "'");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
            throw new MfsException(Status.ENAMETOOLONG, "name of " + name.length() + " characters");
        }
    }
}
