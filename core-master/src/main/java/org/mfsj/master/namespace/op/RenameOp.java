package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.tree.Dentry;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * rename with POSIX semantics: an existing target is replaced atomically (file over non-directory,
 * directory over empty directory), a directory never moves into its own subtree, and two names of
 * one inode make it a successful no-op.
 */
public final class RenameOp {
    private final InodeTable tree;
    private final Unlinker unlinker;

    RenameOp(InodeTable tree, Unlinker unlinker) {
        this.tree = tree;
        this.unlinker = unlinker;
    }

    /** The record to apply, or null when POSIX says there is nothing to do (same inode). */
    public RenameRecord validate(Creds c, long srcParent, String srcName, long dstParent, String dstName,
            long nowNanos) throws MfsException {
        DirNode from = tree.requireDir(srcParent);
        DirNode to = tree.requireDir(dstParent);
        if (Names.isDot(srcName) || Names.isDot(dstName)) {
            throw new MfsException(Status.EINVAL, "rename of '.' or '..'");
        }
        Names.checkComponent(srcName);
        Names.checkComponent(dstName);
        Access.check(c, from, Access.X);
        Access.check(c, to, Access.X);
        Dentry s = from.find(srcName);
        if (s == null) {
            throw new MfsException(Status.ENOENT, "'" + srcName + "' in directory " + srcParent);
        }
        Inode moving = tree.require(s.inode());
        if (moving instanceof DirNode dir) {
            checkNotIntoOwnSubtree(dir, to);
        }
        Dentry d = to.find(dstName);
        Inode replaced = d == null ? null : tree.require(d.inode());
        if (replaced == moving) {
            return null;
        }
        Access.checkDelete(c, from, moving);
        if (replaced == null) {
            Access.check(c, to, Access.W | Access.X);
        } else {
            Access.checkDelete(c, to, replaced);
            checkReplaceable(moving, replaced);
        }
        if (moving.isDirectory() && from != to) {
            // the move rewrites the directory's own ".." entry, which takes write permission on it
            Access.check(c, moving, Access.W);
        }
        long[] moved = quotaUsage(moving, from);
        tree.quotas().checkMove(srcParent, dstParent, moved[0], moved[1]);
        return new RenameRecord(srcParent, srcName, dstParent, dstName, moving.id(),
                replaced == null ? 0 : replaced.id(), nowNanos);
    }

    public void apply(RenameRecord r) {
        DirNode from = tree.expect(r.srcParent(), DirNode.class);
        DirNode to = tree.expect(r.dstParent(), DirNode.class);
        Inode moving = Removal.expectEntry(tree, from, r.srcName(), r.inode(), Inode.class);
        long now = r.timeNanos();
        if (r.replaced() != 0) {
            Inode replaced = Removal.expectEntry(tree, to, r.dstName(), r.replaced(), Inode.class);
            unlinker.unlink(to, r.dstName(), replaced, now);
        }
        if (from != to && !tree.quotas().isEmpty()) {
            long[] moved = quotaUsage(moving, from);
            tree.quotas().move(from.id(), to.id(), moved[0], moved[1]);
            if (moving instanceof FileNode f && f.parent() == from.id()) {
                f.setParent(to.id());
            }
        }
        from.remove(r.srcName(), moving);
        to.add(r.dstName(), moving);
        from.touchContent(now);
        to.touchContent(now);
        moving.setCtime(now);
    }

    /** What the move takes from the quotas above {@code from}: a file only if charged there. */
    private long[] quotaUsage(Inode moving, DirNode from) {
        if (tree.quotas().isEmpty()) {
            return new long[2];
        }
        if (moving instanceof FileNode f) {
            return f.parent() == from.id() ? new long[] {1, f.length()} : new long[2];
        }
        return tree.quotas().usageOf(moving);
    }

    /** EINVAL when {@code to} is {@code moving} or below it: the subtree would become a detached cycle. */
    private void checkNotIntoOwnSubtree(DirNode moving, DirNode to) throws MfsException {
        for (DirNode d = to; ; d = tree.expect(d.parent(), DirNode.class)) {
            if (d.id() == moving.id()) {
                throw new MfsException(Status.EINVAL, "directory " + moving.id() + " into its own subtree");
            }
            if (d.id() == InodeTable.ROOT) {
                return;
            }
        }
    }

    private static void checkReplaceable(Inode moving, Inode replaced) throws MfsException {
        if (moving.isDirectory()) {
            if (!(replaced instanceof DirNode target)) {
                throw new MfsException(Status.ENOTDIR, "directory over non-directory " + replaced.id());
            }
            if (!target.isEmpty()) {
                throw new MfsException(Status.ENOTEMPTY, "directory " + target.id() + " is not empty");
            }
        } else if (replaced.isDirectory()) {
            throw new MfsException(Status.EISDIR, "non-directory over directory " + replaced.id());
        }
    }
}
