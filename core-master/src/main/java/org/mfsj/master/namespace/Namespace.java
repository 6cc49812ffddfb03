package org.mfsj.master.namespace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.NameList;
import org.mfsj.common.types.QuotaInfo;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.TrashItem;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.master.namespace.op.Access;
import org.mfsj.master.namespace.op.NamespaceRecord;
import org.mfsj.master.namespace.op.Ops;
import org.mfsj.master.namespace.op.PublishRecord;
import org.mfsj.master.namespace.op.RenameRecord;
import org.mfsj.master.namespace.op.SetAttrRecord;
import org.mfsj.master.namespace.op.SetGoalOp;
import org.mfsj.master.namespace.op.TruncateRecord;
import org.mfsj.master.namespace.op.UnlinkRecord;
import org.mfsj.master.namespace.op.XattrRules;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;
import org.mfsj.master.namespace.tree.Quotas;

/**
 * The master's namespace: the whole file tree in memory, addressed by inode number. No I/O.
 *
 * <p>Every mutation runs in two steps (STYLE rule 6). The op's {@code validate} checks names,
 * existence and permissions, may throw, and decides every value the change needs (the new inode
 * number, owner, mode, the timestamp) into an immutable {@link NamespaceRecord}. The op's
 * {@code apply} then makes exactly that change and cannot fail for a caller's reason. Replay feeds
 * a logged record to the same {@code apply} through {@link #replay}, so live and replay cannot
 * drift. Each applied record is handed to the record sink, where the changelog will attach.
 *
 * <p>Not thread-safe, by design: the master's network service calls it from one thread, as MooseFS
 * does, so there is no locking anywhere in the tree. Callers on other threads must hand work to
 * that thread.
 *
 * <p>Errors are {@link MfsException}s carrying the POSIX status a door should report. Times come
 * from the injected clock, in nanoseconds since the epoch.
 */
public final class Namespace {
    public static final long ROOT = InodeTable.ROOT;
    public static final int DEFAULT_GOAL = 1;
    public static final int XATTR_CREATE = XattrRules.XATTR_CREATE;
    public static final int XATTR_REPLACE = XattrRules.XATTR_REPLACE;

    private final Clock clock;
    private final InodeTable tree;
    private final ListenerSlot listener = new ListenerSlot();
    private final Ops ops;
    private final Queries queries;
    private RecordSink sink = (r, result) -> { };
    private LongFunction<Map<Long, Integer>> openCounts = inode -> Map.of();

    /** Where applied records go, with what their apply returned (for answering a retried call). */
    @FunctionalInterface
    public interface RecordSink {
        void accept(NamespaceRecord record, Object result);
    }

    public Namespace(Clock clock) {
        this(clock, DEFAULT_GOAL);
    }

    /** A fresh tree holding only the root (mode 0755, owned by root) with goal {@code defaultGoal}. */
    public Namespace(Clock clock, int defaultGoal) {
        this(clock, new InodeTable());
        if (defaultGoal < SetGoalOp.MIN_GOAL || defaultGoal > SetGoalOp.MAX_GOAL) {
            throw new IllegalArgumentException("default goal " + defaultGoal);
        }
        tree.add(new DirNode(ROOT, ROOT, 0755, 0, 0, defaultGoal, now()));
    }

    /** A namespace over a tree loaded from an image; the tree must hold the root. */
    public Namespace(Clock clock, InodeTable tree) {
        this.clock = clock;
        this.tree = tree;
        this.ops = Ops.create(tree, listener);
        this.queries = new Queries(tree);
    }

    /**
     * The tree itself, for the image writer and the consistency checker only: they read it on the
     * thread that owns this namespace, and never change it.
     */
    public InodeTable tree() {
        return tree;
    }

    /** Where the registry hears of dropped chunk references and goal changes; null = nobody. */
    public void setChunkListener(ChunkListener chunkListener) {
        listener.set(chunkListener);
    }

    /**
     * Receives every applied record, in order, on the namespace thread; the changelog appends
     * here. The change is already in memory when the sink runs, so the sink must not throw for a
     * reason the caller could fix.
     */
    public void setRecordSink(RecordSink recordSink) {
        sink = recordSink == null ? (r, result) -> { } : recordSink;
    }

    /**
     * Applies a logged record as the live path did and returns what the live call returned (the
     * sink is not called: the record is logged already).
     */
    public Object replay(NamespaceRecord record) {
        return ops.apply(record);
    }

    // ---- reads ----

    public Attr getattr(long inode) throws MfsException {
        return tree.require(inode).toAttr();
    }

    /** EACCES unless {@code c} has every bit of {@code mask} (4 r, 2 w, 1 x) on the inode, as access(2). */
    public void checkAccess(Creds c, long inode, int mask) throws MfsException {
        Access.check(c, tree.require(inode), mask);
    }

    /** Needs search permission on {@code parent}; "." is the parent, ".." its parent (root's is root). */
    public Attr lookup(Creds c, long parent, String name) throws MfsException {
        return queries.lookup(c, parent, name);
    }

    /**
     * Entries with a cookie above {@code cookie} (0 = from the start), in cookie order, at most
     * {@code maxEntries}. Cookies are per-directory sequence numbers given when a name is linked,
     * so they survive concurrent inserts and removals. No "." or ".." (doors add them; cookies 1
     * and 2 are left for them). Needs read permission.
     */
    public ReadDirPage readdir(Creds c, long dir, long cookie, int maxEntries, boolean withAttrs)
            throws MfsException {
        return queries.readdir(c, dir, cookie, maxEntries, withAttrs);
    }

    /** As {@link #readdir} by name only, packed. */
    public ReadDirNamesPage readdirNames(Creds c, long dir, long cookie, int maxEntries) throws MfsException {
        return queries.readdirNames(c, dir, cookie, maxEntries);
    }

    /** The target of a symlink; EINVAL for anything else. */
    public String readlink(long inode) throws MfsException {
        return queries.readlink(inode);
    }

    public byte[] getxattr(Creds c, long inode, String name) throws MfsException {
        return queries.getxattr(c, inode, name);
    }

    /** Names in sorted order. Needs no permission on the inode, as on Linux. */
    public List<String> listxattr(Creds c, long inode) throws MfsException {
        return queries.listxattr(inode);
    }

    /** The chunk at {@code index} of a file, 0 for a hole. */
    public long chunkAt(long inode, int index) throws MfsException {
        return queries.chunkAt(inode, index);
    }

    /** A copy of a file's chunk table: index to chunk id, 0 for holes. */
    public long[] chunks(long inode) throws MfsException {
        return queries.chunks(inode);
    }

    public int getGoal(long inode) throws MfsException {
        return tree.require(inode).goal();
    }

    public NamespaceStats stats() {
        return queries.stats();
    }

    // ---- creating names ----

    public Attr mkdir(Creds c, long parent, String name, int mode) throws MfsException {
        return commit(ops.mkdir().validate(c, parent, name, mode, tree.nextId(), now()), ops.mkdir()::apply);
    }

    /** A regular file ({@link FileType#FILE}), FIFO, socket or device; {@code rdev} counts for devices only. */
    public Attr mknod(Creds c, long parent, String name, FileType type, int mode, int rdev) throws MfsException {
        return commit(ops.mknod().validate(c, parent, name, type, mode, rdev, tree.nextId(), now()),
                ops.mknod()::apply);
    }

    public Attr symlink(Creds c, long parent, String name, String target) throws MfsException {
        return commit(ops.symlink().validate(c, parent, name, target, tree.nextId(), now()), ops.symlink()::apply);
    }

    /** A further name for a non-directory (EPERM for directories). */
    public Attr link(Creds c, long inode, long newParent, String newName) throws MfsException {
        return commit(ops.link().validate(c, inode, newParent, newName, now()), ops.link()::apply);
    }

    // ---- removing and moving names ----

    public void unlink(Creds c, long parent, String name) throws MfsException {
        UnlinkRecord r = ops.unlink().validate(c, parent, name, now());
        holdIfLastName(r.inode());
        commitVoid(r, ops.unlink()::apply);
    }

    public void rmdir(Creds c, long parent, String name) throws MfsException {
        commitVoid(ops.rmdir().validate(c, parent, name, now()), ops.rmdir()::apply);
    }

    public void rename(Creds c, long srcParent, String srcName, long dstParent, String dstName)
            throws MfsException {
        RenameRecord r = ops.rename().validate(c, srcParent, srcName, dstParent, dstName, now());
        if (r != null) {
            holdIfLastName(r.replaced());
        }
        commitVoid(r, ops.rename()::apply);
    }

    /**
     * Puts a finished regular file in place in one change: sets its mtime (as the owner's utimes)
     * and one extended attribute (needs write permission), then renames it (as {@link #rename}).
     */
    public Attr publish(Creds c, long srcParent, String srcName, long dstParent, String dstName, String xattrName,
            byte[] xattrValue, long mtimeNanos) throws MfsException {
        return publish(c, srcParent, srcName, dstParent, dstName, xattrName, xattrValue, mtimeNanos,
                Publish.ANY_TARGET);
    }

    /**
     * {@link #publish} only if {@code dstName} is bound to {@code expectTarget} (an inode, or
     * {@link Publish#NO_TARGET} for a free name) when the change is applied; TARGET_CHANGED if not.
     */
    public Attr publish(Creds c, long srcParent, String srcName, long dstParent, String dstName, String xattrName,
            byte[] xattrValue, long mtimeNanos, long expectTarget) throws MfsException {
        PublishRecord r = ops.publish().validate(c, srcParent, srcName, dstParent, dstName, xattrName, xattrValue,
                mtimeNanos, expectTarget, now());
        holdIfLastName(r.replaced());
        return commit(r, ops.publish()::apply);
    }

    /** Appends the sources' chunks to {@code inode} without copying (see {@code AppendChunksOp}). */
    public Attr appendChunks(Creds c, long inode, List<Long> sources) throws MfsException {
        return commit(ops.appendChunks().validate(c, inode, sources, now()), ops.appendChunks()::apply);
    }

    // ---- attributes ----

    /**
     * chmod / chown / utimes, and a LENGTH change done exactly as {@link #truncate}. Everything is
     * validated before anything changes. The LENGTH part's mid-chunk cut is not returned here:
     * callers that must have chunkservers cut a chunk call {@link #truncate} for the length.
     */
    public Attr setattr(Creds c, long inode, SetAttr change) throws MfsException {
        long now = now();
        SetAttrRecord attrs = ops.setAttr().validate(c, inode, change, now);
        TruncateRecord length = change.has(SetAttr.LENGTH)
                ? ops.truncate().validate(c, inode, change.length(), now) : null;
        Attr result = attrs == null ? getattr(inode) : commit(attrs, ops.setAttr()::apply);
        if (length != null) {
            result = commit(length, ops.truncate()::apply).attr();
        }
        return result;
    }

    /** Sets a regular file's length (needs write permission); see {@link TruncateResult} for the chunks. */
    public TruncateResult truncate(Creds c, long inode, long length) throws MfsException {
        return commit(ops.truncate().validate(c, inode, length, now()), ops.truncate()::apply);
    }

    /** {@code flags}: 0, {@link #XATTR_CREATE} or {@link #XATTR_REPLACE}. Needs write permission. */
    public void setxattr(Creds c, long inode, String name, byte[] value, int flags) throws MfsException {
        commitVoid(ops.setXattr().validate(c, inode, name, value, flags, now()), ops.setXattr()::apply);
    }

    public void removexattr(Creds c, long inode, String name) throws MfsException {
        commitVoid(ops.removeXattr().validate(c, inode, name, now()), ops.removeXattr()::apply);
    }

    /**
     * Sets the goal (1..9) of a file or directory, and with {@code recursive} of everything below a
     * directory. Needs ownership (or root) of {@code inode}; a non-root caller's recursive change
     * skips nodes owned by others. Returns how many inodes changed.
     */
    public int setGoal(Creds c, long inode, int goal, boolean recursive) throws MfsException {
        return commit(ops.setGoal().validate(c, inode, goal, recursive, now()), ops.setGoal()::apply);
    }

    // ---- trash and snapshots ----

    /**
     * Sets the trash time in seconds (0 = deleted files are freed at once) of a file or directory,
     * and with {@code recursive} of everything below; needs ownership, as setgoal. Returns how many
     * inodes changed.
     */
    public int setTrashTime(Creds c, long inode, long seconds, boolean recursive) throws MfsException {
        return commit(ops.setTrashTime().validate(c, inode, seconds, recursive, now()), ops.setTrashTime()::apply);
    }

    public int getTrashTime(long inode) throws MfsException {
        return tree.require(inode).trashSeconds();
    }

    /** Every file in trash, in deletion order. */
    public List<TrashItem> trash() {
        return tree.trash().entries().stream()
                .map(e -> new TrashItem(e.inode(), e.path(), e.deletedNanos(),
                        tree.expect(e.inode(), Inode.class).length()))
                .toList();
    }

    /** Puts a file in trash back at its old path (missing directories are made again). */
    public Attr restore(Creds c, long inode) throws MfsException {
        return commit(ops.restoreTrash().validate(c, inode, tree.nextId(), now()), ops.restoreTrash()::apply);
    }

    /** Frees a file in trash now. */
    public void purge(Creds c, long inode) throws MfsException {
        commitVoid(ops.purgeTrash().validate(c, inode), ops.purgeTrash()::apply);
    }

    /** Frees every file in trash whose trash time has passed; returns how many. */
    public int purgeExpired() {
        List<Long> due = tree.trash().due(now(), inode -> tree.expect(inode, Inode.class).trashSeconds());
        for (long inode : due) {
            try {
                commitVoid(ops.purgeTrash().expired(inode), ops.purgeTrash()::apply);
            } catch (MfsException e) {
                throw new IllegalStateException("trash entry " + inode + " vanished while purging", e);
            }
        }
        return due.size();
    }

    /**
     * Copies a file or tree to {@code name} in {@code dstParent} sharing its chunks; returns how many
     * inodes were made.
     */
    public long snapshot(Creds c, long source, long dstParent, String name) throws MfsException {
        return commit(ops.snapshot().validate(c, source, dstParent, name, tree.nextId(), now()), ops.snapshot()::apply);
    }

    // ---- quotas ----

    /** Sets (all 0: removes) the quota of a directory; root only. */
    public void setQuota(Creds c, long dir, long softBytes, long hardBytes, long softInodes, long hardInodes)
            throws MfsException {
        commitVoid(ops.setQuota().validate(c, dir, softBytes, hardBytes, softInodes, hardInodes),
                ops.setQuota()::apply);
    }

    /** The quota of a directory with its usage; ENOENT when it has none. */
    public QuotaInfo getQuota(long dir) throws MfsException {
        tree.requireDir(dir);
        Quotas.Quota q = tree.quotas().get(dir);
        if (q == null) {
            throw new MfsException(Status.ENOENT, "directory " + dir + " has no quota");
        }
        return new QuotaInfo(dir, q.softBytes(), q.hardBytes(), q.softInodes(), q.hardInodes(), q.usedBytes(),
                q.usedInodes());
    }

    /** EDQUOT when a file may not grow by {@code bytes} (a write is refused before any data moves). */
    public void checkQuota(long inode, long bytes) throws MfsException {
        if (!tree.quotas().isEmpty()) {
            tree.quotas().checkRoom(tree.requireFile(inode).parent(), 0, bytes);
        }
    }

    // ---- files open past their last name (see OpenHolds) ----

    /** Where the live path learns which sessions have a file open (session -> opens); none by default. */
    public void setOpenCounts(LongFunction<Map<Long, Integer>> counts) {
        openCounts = counts;
    }

    /** Logs that {@code session} holds {@code opens} more opens of file {@code inode}. */
    public void holdOpen(long inode, long session, int opens) {
        commitVoid(ops.openHold().validateHold(inode, session, opens), ops.openHold()::apply);
    }

    /** Ends up to {@code releases} of the session's held opens of {@code inode}; nothing if it holds none. */
    public void releaseOpen(long inode, long session, int releases) {
        commitVoid(ops.openHold().validateRelease(inode, session, releases), ops.openHold()::apply);
    }

    /** Ends one of the session's held opens per entry of {@code inodes}, in one change; files it holds none of are skipped. */
    public void releaseOpens(long session, List<Long> inodes) {
        commitVoid(ops.openHold().validateReleases(session, inodes), ops.openHold()::apply);
    }

    public boolean isHeld(long inode) {
        return tree.holds().isHeld(inode);
    }

    public boolean isHeldBy(long inode, long session) {
        return tree.holds().isHeldBy(inode, session);
    }

    /** Files {@code session} holds open past their last name. */
    public List<Long> heldBy(long session) {
        return tree.holds().heldBy(session);
    }

    /** Every session holding a file open past its last name. */
    public List<Long> holdingSessions() {
        return tree.holds().sessions();
    }

    /** Before a change that may take a file's last name: the sessions with it open hold it first. */
    private void holdIfLastName(long inode) {
        if (inode != 0 && !tree.holds().isHeld(inode) && tree.find(inode) instanceof FileNode f && f.nlink() == 1) {
            openCounts.apply(inode).forEach((session, opens) -> holdOpen(inode, session, opens));
        }
    }

    // ---- the write path (permissions were checked when the file was opened) ----

    /** Puts {@code chunkId} (0 = hole) at {@code index}; a replaced chunk is reported unreferenced. */
    public void setChunk(long inode, int index, long chunkId) throws MfsException {
        commitVoid(ops.setChunk().validate(inode, index, chunkId), ops.setChunk()::apply);
    }

    /** End of a write: length becomes max(old, new), mtime and ctime move. */
    public Attr extendLength(long inode, long newLength) throws MfsException {
        return commit(ops.extendLength().validate(inode, newLength, now()), ops.extendLength()::apply);
    }

    // ---- plumbing ----

    private <R extends NamespaceRecord, T> T commit(R record, Function<R, T> apply) {
        T result = apply.apply(record);
        sink.accept(record, result);
        return result;
    }

    /** For ops with nothing to return; a null record means validate found nothing to do. */
    private <R extends NamespaceRecord> void commitVoid(R record, Consumer<R> apply) {
        if (record != null) {
            apply.accept(record);
            sink.accept(record, null);
        }
    }

    private long now() {
        Instant t = clock.instant();
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
