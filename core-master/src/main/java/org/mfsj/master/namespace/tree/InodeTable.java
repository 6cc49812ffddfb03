package org.mfsj.master.namespace.tree;

import java.util.Collection;
import java.util.Collections;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/**
 * Every live inode by number, the next number to hand out, and running totals for statfs.
 *
 * <p>Two ways to fetch a node, on purpose: {@code require*} is for validation and throws the
 * POSIX error a caller should see; {@link #expect} is for the apply step, where a missing node
 * means the record does not fit the tree (a replay diverged, or a bug) and must not be answered
 * with an errno as if it were the caller's mistake.
 *
 * <p>Not thread-safe; the namespace is driven by one thread.
 */
public final class InodeTable {
    public static final long ROOT = 1;

    private final LongMap<Inode> nodes = new LongMap<>();
    private final Trash trash = new Trash();
    private final OpenHolds holds = new OpenHolds();
    private final Quotas quotas = new Quotas(this);
    private long nextId = ROOT;
    private long directories;
    private long files;
    private long totalLength;

    /** The number the next new inode gets; only {@link #add} advances it, so replay does too. */
    public long nextId() {
        return nextId;
    }

    public void add(Inode node) {
        if (nodes.putIfAbsent(node.id(), node) != null) {
            throw new IllegalStateException("inode " + node.id() + " exists");
        }
        nextId = Math.max(nextId, node.id() + 1);
        if (node instanceof DirNode) {
            directories++;
        } else if (node instanceof FileNode f) {
            files++;
            totalLength += f.length();
        }
    }

    /** For an image load, before the first {@link #add}: the number of inodes that will come. */
    public void reserve(long count) {
        nodes.reserve(count);
    }

    /** For an image load: numbers below {@code next} were handed out once and are never reused. */
    public void reserveIdsBelow(long next) {
        nextId = Math.max(nextId, next);
    }

    /** Every node, in no particular order; for images and checks, which must not change the table. */
    public Collection<Inode> all() {
        return Collections.unmodifiableCollection(nodes.values());
    }

    public void remove(Inode node) {
        Inode removed = nodes.remove(node.id());
        if (removed != node) {
            if (removed != null) {
                nodes.putIfAbsent(removed.id(), removed);
            }
            throw new IllegalStateException("inode " + node.id() + " is not in the table");
        }
        if (node instanceof DirNode) {
            directories--;
        } else if (node instanceof FileNode f) {
            files--;
            totalLength -= f.length();
        }
    }

    /** The one place file lengths change, so the byte total and the quota usage stay right. */
    public void setLength(FileNode file, long length) {
        totalLength += length - file.length();
        quotas.charge(file.parent(), 0, length - file.length());
        file.setLength(length);
    }

    /** Deleted files kept for their trash time; their inodes stay in this table until purged. */
    /** Files kept with no name because sessions still have them open. */
    public OpenHolds holds() {
        return holds;
    }

    public Trash trash() {
        return trash;
    }

    /** Directory quotas and their usage. */
    public Quotas quotas() {
        return quotas;
    }

    public DirNode root() {
        return expect(ROOT, DirNode.class);
    }

    /** The node numbered {@code id}, or null. */
    public Inode find(long id) {
        return nodes.get(id);
    }

    public Inode require(long id) throws MfsException {
        Inode n = nodes.get(id);
        if (n == null) {
            throw new MfsException(Status.ENOENT, "inode " + id);
        }
        return n;
    }

    public DirNode requireDir(long id) throws MfsException {
        if (require(id) instanceof DirNode d) {
            return d;
        }
        throw new MfsException(Status.ENOTDIR, "inode " + id);
    }

    /** A regular file; EISDIR for a directory and EINVAL for anything else, as truncate(2) does. */
    public FileNode requireFile(long id) throws MfsException {
        Inode n = require(id);
        if (n instanceof FileNode f) {
            return f;
        }
        throw new MfsException(n.isDirectory() ? Status.EISDIR : Status.EINVAL, "inode " + id + " is not a file");
    }

    /** The node a validated record names; a miss is an invariant violation, not a caller error. */
    public <T extends Inode> T expect(long id, Class<T> type) {
        Inode n = nodes.get(id);
        if (!type.isInstance(n)) {
            throw new IllegalStateException("record names inode " + id + " as " + type.getSimpleName()
                    + " but the tree has " + (n == null ? "nothing" : n.type()));
        }
        return type.cast(n);
    }

    public long inodeCount() {
        return nodes.size();
    }

    public long directoryCount() {
        return directories;
    }

    public long fileCount() {
        return files;
    }

    public long totalLength() {
        return totalLength;
    }
}
