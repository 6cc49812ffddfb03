package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/** Frees a file in trash now, before its time (a user's purge) or at it (the purge loop). */
public final class PurgeTrashOp {
    private final InodeTable tree;
    private final Unlinker unlinker;

    PurgeTrashOp(InodeTable tree, Unlinker unlinker) {
        this.tree = tree;
        this.unlinker = unlinker;
    }

    /** Only the file's owner or root may purge it. */
    public PurgeTrashRecord validate(Creds c, long inode) throws MfsException {
        Access.checkOwner(c, TrashRules.requireTrashed(tree, inode));
        return new PurgeTrashRecord(inode);
    }

    public void apply(PurgeTrashRecord r) {
        tree.trash().remove(r.inode());
        unlinker.release(tree.expect(r.inode(), Inode.class));
    }

    /** For the purge loop, which acts for nobody: no permission applies. */
    public PurgeTrashRecord expired(long inode) throws MfsException {
        TrashRules.requireTrashed(tree, inode);
        return new PurgeTrashRecord(inode);
    }
}
