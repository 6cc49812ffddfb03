package org.mfsj.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mfsj.client.cache.ChunkLocationCache;
import org.mfsj.client.io.ChunkConnections;
import org.mfsj.client.io.ChunkLocator;
import org.mfsj.client.io.ChunkReader;
import org.mfsj.client.io.FileSync;
import org.mfsj.client.io.OpenFile;
import org.mfsj.client.io.OpenFiles;
import org.mfsj.client.io.WriteContext;
import org.mfsj.client.master.MasterCalls;
import org.mfsj.client.master.LockRequests;
import org.mfsj.client.master.DirChangeRequests;
import org.mfsj.client.master.AdminRequests;
import org.mfsj.client.master.TrashRequests;
import org.mfsj.client.master.DirLeaseCalls;
import org.mfsj.client.master.MasterLink;
import org.mfsj.client.master.NameRequests;
import org.mfsj.client.master.XattrRequests;
import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.SessionReport;
import org.mfsj.common.types.QuotaInfo;
import org.mfsj.common.types.TrashItem;
import org.mfsj.common.wire.client2master.CheckAccess;
import org.mfsj.common.wire.client2master.GetAttr;
import org.mfsj.common.wire.client2master.Lookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client: wiring, and each namespace operation as one master request. Attributes of files
 * this client has open are patched with the length of their unflushed writes on the way out.
 */
final class DefaultMfsClient implements MfsClient {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMfsClient.class);
    private static final long LOCATION_TTL_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long SWEEP_PERIOD_SECONDS = 5;

    private final ClientThreads threads;
    private final MasterLink link;
    private final MasterCalls master;
    private final NameRequests names;
    private final XattrRequests xattrs;
    private final DirLeaseHolder dirLeases;
    private final LockRequests locks;
    private final TrashRequests trash;
    private final AdminRequests admin;
    private final DirChangeRequests dirChanges;
    private final ChunkConnections conns;
    private final ChunkLocationCache locations;
    private final OpenFiles files;
    private final OpenFileRequests opens;
    private final DirReads dirs;
    private final ObjectRequests objects;
    private final ClientMetrics metrics;

    private DefaultMfsClient(ClientConfig cfg, ClientThreads threads, MasterLink link, ClientMetrics metrics) {
        this.threads = threads;
        this.link = link;
        this.metrics = metrics;
        this.master = new MasterCalls(link);
        this.names = new NameRequests(master);
        this.xattrs = new XattrRequests(master);
        this.locks = new LockRequests(master);
        this.trash = new TrashRequests(master);
        this.admin = new AdminRequests(master);
        this.dirChanges = new DirChangeRequests(master);
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, cfg.callTimeout().toMillis());
        this.conns = new ChunkConnections(threads.network, timeoutMs);
        this.locations = new ChunkLocationCache(LOCATION_TTL_NANOS, System::nanoTime);
        ChunkLocator locator = new ChunkLocator(master, locations, threads.workers, metrics);
        ChunkReader reader = new ChunkReader(locator, conns, threads.timer, metrics, timeoutMs);
        FileSync fileSync = new FileSync(conns, timeoutMs, System::nanoTime);
        threads.timer.scheduleWithFixedDelay(() -> threads.workers.execute(fileSync::sweep), SWEEP_PERIOD_SECONDS,
                SWEEP_PERIOD_SECONDS, TimeUnit.SECONDS);
        WriteContext wctx = new WriteContext(master, conns, locations, metrics, cfg.writeBufferBytes(),
                WriteContext.windowFor(cfg.writeBufferBytes()), timeoutMs, threads.workers, fileSync);
        this.files = new OpenFiles(wctx, reader, this::masterAttr, cfg.readAheadMaxBytes(), this::released);
        // a new leader saw none of our opens and holds none of the locks the old one granted: tell it at once
        link.onResumed(this::resumed);
        this.opens = new OpenFileRequests(master, files, locations);
        this.dirs = new DirReads(master, files::patch);
        this.objects = new ObjectRequests(master, files, locations);
        this.dirLeases = new DirLeaseCalls(master, link);
    }

    static MfsClient connect(ClientConfig cfg) throws MfsException {
        ClientThreads threads = new ClientThreads(cfg.ioThreads());
        ClientMetrics metrics = new ClientMetrics();
        MasterLink link = new MasterLink(cfg, threads.network, threads.timer, threads.workers, metrics);
        try {
            link.start();
        } catch (MfsException | RuntimeException e) {
            link.close();
            threads.close();
            throw e;
        }
        LOG.info("session {} open at master {} on {} (root inode {})", link.sessionId(), cfg.masters(),
                cfg.subdir(), link.rootInode());
        return new DefaultMfsClient(cfg, threads, link, metrics);
    }

    @Override
    public long rootInode() {
        return link.rootInode();
    }

    @Override
    public DirLeaseHolder dirLeases() {
        return dirLeases;
    }

    @Override
    public Attr lookup(Creds creds, long parent, String name) throws MfsException {
        return patch(master.readAttr(id -> new Lookup(id, creds, parent, name), "lookup '" + name + "' in " + parent));
    }

    @Override
    public Attr getattr(long inode) throws MfsException {
        return patch(masterAttr(inode));
    }

    private Attr masterAttr(long inode) throws MfsException {
        return master.readAttr(id -> new GetAttr(id, inode), "getattr " + inode);
    }

    @Override
    public Attr setattr(Creds creds, long inode, SetAttrRequest c) throws MfsException {
        return opens.setattr(creds, inode, c);
    }

    @Override
    public DirChange mknodWithDir(Creds c, long parent, String name, FileType type, int mode, int rdev)
            throws MfsException {
        return withOpenFiles(dirChanges.mknod(c, parent, name, type, mode, rdev));
    }

    @Override
    public DirChange mkdirWithDir(Creds c, long parent, String name, int mode) throws MfsException {
        return withOpenFiles(dirChanges.mkdir(c, parent, name, mode));
    }

    @Override
    public DirChange symlinkWithDir(Creds c, long parent, String name, String target) throws MfsException {
        return withOpenFiles(dirChanges.symlink(c, parent, name, target));
    }

    @Override
    public DirChange linkWithDir(Creds c, long inode, long newParent, String newName) throws MfsException {
        return withOpenFiles(dirChanges.link(c, inode, newParent, newName));
    }

    @Override
    public DirChange unlinkWithDir(Creds c, long parent, String name) throws MfsException {
        return withOpenFiles(dirChanges.unlink(c, parent, name));
    }

    @Override
    public DirChange rmdirWithDir(Creds c, long parent, String name) throws MfsException {
        return withOpenFiles(dirChanges.rmdir(c, parent, name));
    }

    @Override
    public DirChange renameWithDirs(Creds c, long srcParent, String srcName, long dstParent, String dstName)
            throws MfsException {
        return withOpenFiles(dirChanges.rename(c, srcParent, srcName, dstParent, dstName));
    }

    private DirChange withOpenFiles(DirChangeRequests.Result r) {
        return new DirChange(r.entry() == null ? null : patch(r.entry()), r.dir(), r.otherDir(), r.changed());
    }

    @Override
    public MasterReplyCounts masterReplyCounts() throws MfsException {
        return admin.replyCounts();
    }

    @Override
    public Attr mkdir(Creds creds, long parent, String name, int mode) throws MfsException {
        return names.mkdir(creds, parent, name, mode);
    }

    @Override
    public Attr mknod(Creds creds, long parent, String name, FileType type, int mode, int rdev) throws MfsException {
        return names.mknod(creds, parent, name, type, mode, rdev);
    }

    @Override
    public Attr create(Creds creds, long parent, String name, int mode) throws MfsException {
        return mknod(creds, parent, name, FileType.FILE, mode, 0);
    }

    @Override
    public void unlink(Creds creds, long parent, String name) throws MfsException {
        names.unlink(creds, parent, name);
        objects.unlinked(parent, name);
    }

    @Override
    public void rmdir(Creds creds, long parent, String name) throws MfsException {
        names.rmdir(creds, parent, name);
    }

    @Override
    public void rename(Creds creds, long srcParent, String srcName, long dstParent, String dstName)
            throws MfsException {
        names.rename(creds, srcParent, srcName, dstParent, dstName);
    }

    @Override
    public Attr link(Creds creds, long inode, long newParent, String newName) throws MfsException {
        return patch(names.link(creds, inode, newParent, newName));
    }

    @Override
    public Attr symlink(Creds creds, long parent, String name, String target) throws MfsException {
        return names.symlink(creds, parent, name, target);
    }

    @Override
    public String readlink(long inode) throws MfsException {
        return names.readlink(inode);
    }

    @Override
    public DirPage readdir(Creds creds, long dir, long cookie, int max, boolean withAttrs) throws MfsException {
        return dirs.readdir(creds, dir, cookie, max, withAttrs);
    }

    @Override
    public NamesPage readdirNames(Creds creds, long dir, long cookie, int max) throws MfsException {
        return dirs.readdirNames(creds, dir, cookie, max);
    }

    @Override
    public FileHandle open(Creds creds, long inode, boolean forWrite) throws MfsException {
        return opens.open(creds, inode, forWrite);
    }

    @Override
    public FileHandle createOpen(Creds creds, long parent, String name, int mode) throws MfsException {
        return opens.createOpen(creds, parent, name, mode);
    }

    @Override
    public CreatedOpen createOpenWithDir(Creds creds, long parent, String name, int mode) throws MfsException {
        DirChangeRequests.Result r = dirChanges.createOpen(creds, parent, name, mode);
        return new CreatedOpen(files.open(creds, r.entry(), true), r.dir());
    }

    @Override
    public FileHandle createOpenScratch(Creds creds, long parent, String name, int mode) throws MfsException {
        return objects.createOpenScratch(creds, parent, name, mode);
    }

    @Override
    public FileHandle createOpenScratch(Creds creds, long parent, String name, int mode, boolean willWrite)
            throws MfsException {
        return objects.createOpenScratch(creds, parent, name, mode, willWrite);
    }

    @Override
    public ObjectLookup lookupObject(Creds creds, long parent, String name, String xattrName, boolean openForRead)
            throws MfsException {
        return objects.lookupObject(creds, parent, name, xattrName, openForRead);
    }

    @Override
    public Attr publish(Creds creds, long srcParent, String srcName, long dstParent, String dstName,
            String xattrName, byte[] xattrValue, long mtimeNanos, long expectTarget, long dstBase, String dstPath)
            throws MfsException {
        return objects.publish(creds, srcParent, srcName, dstParent, dstName, xattrName, xattrValue, mtimeNanos,
                expectTarget, dstBase, dstPath);
    }

    @Override
    public Attr appendChunks(Creds creds, long inode, List<Long> sources) throws MfsException {
        return objects.appendChunks(creds, inode, sources);
    }

    @Override
    public byte[] getxattr(Creds creds, long inode, String name) throws MfsException {
        return xattrs.get(creds, inode, name);
    }

    @Override
    public void setxattr(Creds creds, long inode, String name, byte[] value, int flags) throws MfsException {
        xattrs.set(creds, inode, name, value, flags);
    }

    @Override
    public List<String> listxattr(Creds creds, long inode) throws MfsException {
        return xattrs.list(creds, inode);
    }

    @Override
    public void removexattr(Creds creds, long inode, String name) throws MfsException {
        xattrs.remove(creds, inode, name);
    }

    @Override
    public FsStat statfs() throws MfsException {
        return admin.statfs();
    }

    @Override
    public Optional<HeldLock> testLock(long inode, LockFlavor flavor, LockType type, long start, long end, long owner)
            throws MfsException {
        return locks.test(inode, flavor, type, start, end, owner);
    }

    @Override
    public void setLock(long inode, LockFlavor flavor, LockType type, long start, long end, long owner, int pid,
            boolean wait) throws MfsException {
        locks.set(inode, flavor, type, start, end, owner, pid, wait);
    }

    @Override
    public void releaseLocks(long inode, LockFlavor flavor, long owner) throws MfsException {
        locks.release(inode, flavor, owner);
    }

    @Override
    public long setGoal(Creds creds, long inode, int goal, boolean recursive) throws MfsException {
        return admin.setGoal(creds, inode, goal, recursive);
    }

    @Override
    public long setTrashTime(Creds creds, long inode, long seconds, boolean recursive) throws MfsException {
        return trash.setTrashTime(creds, inode, seconds, recursive);
    }

    @Override
    public long getTrashTime(long inode) throws MfsException {
        return trash.getTrashTime(inode);
    }

    @Override
    public List<TrashItem> listTrash() throws MfsException {
        return trash.list();
    }

    @Override
    public Attr restoreTrash(Creds creds, long inode) throws MfsException {
        return trash.restore(creds, inode);
    }

    @Override
    public long purgeTrash(Creds creds, long inode) throws MfsException {
        return trash.purge(creds, inode);
    }

    @Override
    public void setQuota(Creds creds, long dir, long softBytes, long hardBytes, long softInodes, long hardInodes)
            throws MfsException {
        trash.setQuota(creds, dir, softBytes, hardBytes, softInodes, hardInodes);
    }

    @Override
    public QuotaInfo getQuota(long dir) throws MfsException {
        return trash.getQuota(dir);
    }

    /** Pending writes to the source are flushed first, so the copy holds them. */
    @Override
    public long snapshot(Creds creds, long source, long dstParent, String name) throws MfsException {
        opens.flushWrites(source);
        return trash.snapshot(creds, source, dstParent, name);
    }

    @Override
    public List<ChunkReport> fileInfo(long inode) throws MfsException {
        opens.flushWrites(inode);
        return admin.fileInfo(inode);
    }

    @Override
    public ClusterStatus clusterStatus() throws MfsException {
        return admin.clusterStatus();
    }

    @Override
    public List<SessionReport> sessions() throws MfsException {
        return admin.sessions();
    }

    @Override
    public void access(Creds creds, long inode, int mask) throws MfsException {
        master.status(id -> new CheckAccess(id, creds, inode, mask), "access " + mask + " to " + inode);
    }

    private void resumed() {
        try {
            files.reportOpens();
        } catch (MfsException e) {
            LOG.warn("session {}: open files not reported to the master after a reconnect: {}", link.sessionId(),
                    e.getMessage());
        }
        locks.reclaim();
    }

    /** Tells the master a handle closed, with its next request or shortly after: a close never waits for it. */
    private void released(long inode) {
        link.release(inode);
    }

    @Override
    public ClientMetrics metrics() {
        return metrics;
    }

    private Attr patch(Attr a) {
        return files.patch(a);
    }

    @Override
    public void close() {
        for (OpenFile f : files.all()) {
            try {
                f.flush();
            } catch (MfsException e) {
                LOG.warn("session {}: unflushed writes to inode {} lost at close: {}", link.sessionId(), f.inode(),
                        e.getMessage());
            }
        }
        link.close();
        conns.close();
        threads.close();
        LOG.info("session {} closed", link.sessionId());
    }
}
