package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/** What purge and restore both check first. */
final class TrashRules {
    private TrashRules() {
    }

    /** The inode of a file in trash; ENOENT for anything else. */
    static Inode requireTrashed(InodeTable tree, long inode) throws MfsException {
        if (!tree.trash().contains(inode)) {
            throw new MfsException(Status.ENOENT, "inode " + inode + " is not in trash");
        }
        return tree.require(inode);
    }
}
