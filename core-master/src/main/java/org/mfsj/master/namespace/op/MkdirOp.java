package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.acl.AclRules;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.InodeTable;

/** mkdir: a new empty directory that inherits its parent's goal (and setgid group, if any). */
public final class MkdirOp {
    private final InodeTable tree;

    public MkdirOp(InodeTable tree) {
        this.tree = tree;
    }

    public MkdirRecord validate(Creds c, long parent, String name, int mode, long newInode, long nowNanos)
            throws MfsException {
        DirNode dir = Creation.checkParent(tree, c, parent, name);
        // mkdir(2) ignores setuid/setgid in the requested mode; setgid comes only from the parent
        int m = mode & 01777;
        if ((dir.mode() & Access.S_ISGID) != 0) {
            m |= Access.S_ISGID;
        }
        return new MkdirRecord(parent, name, newInode, m, c.uid(), Creation.groupFor(c, dir), dir.goal(), nowNanos);
    }

    public Attr apply(MkdirRecord r) {
        DirNode parent = tree.expect(r.parent(), DirNode.class);
        DirNode node = new DirNode(r.inode(), r.parent(), r.mode(), r.uid(), r.gid(), r.goal(), r.timeNanos());
        Creation.attach(tree, parent, r.name(), node, r.timeNanos());
        AclRules.inherit(parent, node);
        return node.toAttr();
    }
}
