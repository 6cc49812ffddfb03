package org.mfsj.master.namespace.op;

import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * Holding and releasing files that sessions keep open past their last name (see
 * {@link org.mfsj.master.namespace.tree.OpenHolds}). No permission check: the open was checked
 * when it was made, and releasing is the holder's own business.
 */
public final class OpenHoldOp {
    private final InodeTable tree;
    private final Unlinker unlinker;

    OpenHoldOp(InodeTable tree, Unlinker unlinker) {
        this.tree = tree;
        this.unlinker = unlinker;
    }

    /** A hold is worth logging for a file only; null otherwise (nothing to keep). */
    public HoldOpenRecord validateHold(long inode, long session, int opens) {
        return opens > 0 && tree.find(inode) instanceof FileNode ? new HoldOpenRecord(inode, session, opens) : null;
    }

    /** Null when {@code session} holds nothing of {@code inode}: its opens live only in memory. */
    public ReleaseOpenRecord validateRelease(long inode, long session, int releases) {
        return tree.holds().isHeldBy(inode, session) ? new ReleaseOpenRecord(inode, session, releases) : null;
    }

    public void apply(HoldOpenRecord r) {
        tree.expect(r.inode(), FileNode.class);
        tree.holds().add(r.inode(), r.session(), r.opens());
    }

    public void apply(ReleaseOpenRecord r) {
        FileNode file = tree.expect(r.inode(), FileNode.class);
        if (tree.holds().release(r.inode(), r.session(), r.releases()) && file.nlink() == 0
                && !tree.trash().contains(file.id())) {
            unlinker.release(file);
        }
    }
}
