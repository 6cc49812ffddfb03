package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * settrashtime: how long a deleted file stays in trash, in seconds (0 = no trash). Files and
 * directories carry one (a directory's is what new children inherit); other kinds are skipped.
 */
public final class SetTrashTimeOp {
    /** About 68 years; kept in a signed int, as the seconds travel as u32. */
    public static final long MAX_SECONDS = Integer.MAX_VALUE;

    private final InodeTable tree;

    SetTrashTimeOp(InodeTable tree) {
        this.tree = tree;
    }

    public SetTrashTimeRecord validate(Creds c, long inode, long seconds, boolean recursive, long nowNanos)
            throws MfsException {
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw new MfsException(Status.EINVAL, "trash time " + seconds + " outside 0.." + MAX_SECONDS);
        }
        Inode n = tree.require(inode);
        Access.checkOwner(c, n);
        return new SetTrashTimeRecord(inode, (int) seconds, recursive, !c.isRoot(), c.uid(), nowNanos);
    }

    /** Returns how many inodes changed trash time. */
    public int apply(SetTrashTimeRecord r) {
        int changed = Subtree.change(tree, r.inode(), r.recursive(), n -> change(n, r));
        // a file in trash has no name, so no subtree reaches it: only the inode named can be one
        if (changed > 0) {
            tree.trash().retimed(r.inode(), r.seconds());
        }
        return changed;
    }

    private static boolean change(Inode n, SetTrashTimeRecord r) {
        boolean carries = n instanceof DirNode || n instanceof FileNode;
        if (!carries || n.trashSeconds() == r.seconds() || (r.onlyOwnedBy() && n.uid() != r.uid())) {
            return false;
        }
        n.setTrashSeconds(r.seconds());
        n.setCtime(r.timeNanos());
        return true;
    }
}
