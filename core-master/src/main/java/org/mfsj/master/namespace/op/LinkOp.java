package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/** link: another name for an existing non-directory. */
public final class LinkOp {
    /** Link count ceiling for one inode, as ext4 has; keeps the count far from int overflow. */
    public static final int MAX_LINKS = 65_000;

    private final InodeTable tree;

    public LinkOp(InodeTable tree) {
        this.tree = tree;
    }

    public LinkRecord validate(Creds c, long inode, long newParent, String newName, long nowNanos)
            throws MfsException {
        Inode node = tree.require(inode);
        Creation.checkParent(tree, c, newParent, newName);
        if (node.isDirectory()) {
            // a second name for a directory would give it two parents and make ".." ambiguous
            throw new MfsException(Status.EPERM, "hard link to directory " + inode);
        }
        if (node.nlink() >= MAX_LINKS) {
            throw new MfsException(Status.EMLINK, "inode " + inode + " has " + node.nlink() + " links");
        }
        return new LinkRecord(inode, newParent, newName, nowNanos);
    }

    public Attr apply(LinkRecord r) {
        Inode node = tree.expect(r.inode(), Inode.class);
        DirNode parent = tree.expect(r.parent(), DirNode.class);
        parent.add(r.name(), node);
        parent.touchContent(r.timeNanos());
        node.addLink();
        node.setCtime(r.timeNanos());
        return node.toAttr();
    }
}
