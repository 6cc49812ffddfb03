package org.mfsj.master.namespace.tree;

import org.mfsj.common.types.Attr;
import org.mfsj.common.types.FileType;

/**
 * One node of the in-memory tree: the attributes every kind of inode has. Kind-specific state
 * lives in the subclasses.
 *
 * <p>Mutable on purpose and not thread-safe: the namespace is driven by one thread, and only the
 * ops in {@code namespace.op} change a node. Nothing mutable leaves the namespace; callers get
 * immutable {@link Attr} snapshots.
 */
public abstract sealed class Inode permits DirNode, FileNode, SymlinkNode, SpecialNode {
    /** Inode numbers are never reused, so every handle can carry the same generation. */
    public static final int GENERATION = 1;

    private final long id;
    private int mode;
    private int uid;
    private int gid;
    private int goal;
    /** Seconds a deleted file stays in trash; 0 = freed at once. Inherited from the parent at creation. */
    private int trashSeconds;
    private long atimeNanos;
    private long mtimeNanos;
    private long ctimeNanos;
    /** Hard links for non-directories; a directory's count is derived from its subdirectories. */
    private int links = 1;
    /** Null until the first attribute is set: most inodes never get one. */
    private Xattrs xattrs;

    protected Inode(long id, int mode, int uid, int gid, int goal, long nowNanos) {
        this.id = id;
        this.mode = mode & 07777;
        this.uid = uid;
        this.gid = gid;
        this.goal = goal;
        this.atimeNanos = nowNanos;
        this.mtimeNanos = nowNanos;
        this.ctimeNanos = nowNanos;
    }

    public abstract FileType type();

    public abstract long length();

    /** Device number; only device nodes have one. */
    public int rdev() {
        return 0;
    }

    public int nlink() {
        return links;
    }

    public void addLink() {
        links++;
    }

    /** For an image load: the link count as saved. */
    public void restoreLinks(int count) {
        links = count;
    }

    public void dropLink() {
        if (links <= 0) {
            throw new IllegalStateException("inode " + id + " has no link to drop");
        }
        links--;
    }

    public final long id() {
        return id;
    }

    public final boolean isDirectory() {
        return type() == FileType.DIRECTORY;
    }

    public int mode() {
        return mode;
    }

    public void setMode(int mode) {
        this.mode = mode & 07777;
    }

    public int uid() {
        return uid;
    }

    public void setUid(int uid) {
        this.uid = uid;
    }

    public int gid() {
        return gid;
    }

    public void setGid(int gid) {
        this.gid = gid;
    }

    public int goal() {
        return goal;
    }

    public void setGoal(int goal) {
        this.goal = goal;
    }

    public int trashSeconds() {
        return trashSeconds;
    }

    public void setTrashSeconds(int seconds) {
        this.trashSeconds = seconds;
    }

    public long atimeNanos() {
        return atimeNanos;
    }

    public void setAtime(long nanos) {
        this.atimeNanos = nanos;
    }

    public long mtimeNanos() {
        return mtimeNanos;
    }

    public void setMtime(long nanos) {
        this.mtimeNanos = nanos;
    }

    public long ctimeNanos() {
        return ctimeNanos;
    }

    public void setCtime(long nanos) {
        this.ctimeNanos = nanos;
    }

    /** Content changed (entries for a directory, data or size for a file): mtime and ctime move. */
    public void touchContent(long nowNanos) {
        this.mtimeNanos = nowNanos;
        this.ctimeNanos = nowNanos;
    }

    /** The attributes of this node, creating the holder on first use. */
    public Xattrs xattrs() {
        if (xattrs == null) {
            xattrs = new Xattrs();
        }
        return xattrs;
    }

    /** The attributes if any were ever set, else null; for read paths that must not allocate. */
    public Xattrs xattrsOrNull() {
        return xattrs;
    }

    public Attr toAttr() {
        return new Attr(id, type(), mode, uid, gid, atimeNanos, mtimeNanos, ctimeNanos,
                nlink(), length(), rdev(), goal, GENERATION, xattrs == null || xattrs.isEmpty());
    }
}
