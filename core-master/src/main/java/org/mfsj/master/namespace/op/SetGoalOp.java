package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.ChunkListener;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * setgoal: the number of copies wanted. Only files and directories carry a meaningful goal (a
 * directory's is what new children inherit); symlinks and special files are skipped. Every chunk
 * of a file whose goal changed is reported, so the registry can re-replicate.
 */
public final class SetGoalOp {
    public static final int MIN_GOAL = 1;
    public static final int MAX_GOAL = 9;

    private final InodeTable tree;
    private final ChunkListener listener;

    SetGoalOp(InodeTable tree, ChunkListener listener) {
        this.tree = tree;
        this.listener = listener;
    }

    public static void checkGoal(int goal) throws MfsException {
        if (goal < MIN_GOAL || goal > MAX_GOAL) {
            throw new MfsException(Status.EINVAL, "goal " + goal + " outside " + MIN_GOAL + ".." + MAX_GOAL);
        }
    }

    public SetGoalRecord validate(Creds c, long inode, int goal, boolean recursive, long nowNanos)
            throws MfsException {
        checkGoal(goal);
        Inode n = tree.require(inode);
        Access.checkOwner(c, n);
        return new SetGoalRecord(inode, goal, recursive, !c.isRoot(), c.uid(), nowNanos);
    }

    /** Returns how many inodes changed goal; a file reached through two hard links counts once. */
    public int apply(SetGoalRecord r) {
        return Subtree.change(tree, r.inode(), r.recursive(), n -> change(n, r));
    }

    private boolean change(Inode n, SetGoalRecord r) {
        boolean carriesGoal = n instanceof DirNode || n instanceof FileNode;
        if (!carriesGoal || n.goal() == r.goal() || (r.onlyOwnedBy() && n.uid() != r.uid())) {
            return false;
        }
        n.setGoal(r.goal());
        n.setCtime(r.timeNanos());
        if (n instanceof FileNode file) {
            for (long chunkId : file.chunks()) {
                if (chunkId != 0) {
                    listener.onGoalChanged(chunkId, r.goal());
                }
            }
        }
        return true;
    }
}
