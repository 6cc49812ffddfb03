package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.master.namespace.acl.AclRules;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;
import org.mfsj.master.namespace.tree.SpecialNode;

/** mknod / create: a regular file, FIFO, socket or device node. Directories and symlinks have their own ops. */
public final class MknodOp {
    private final InodeTable tree;

    public MknodOp(InodeTable tree) {
        this.tree = tree;
    }

    public MknodRecord validate(Creds c, long parent, String name, FileType type, int mode, int rdev, long newInode,
            long nowNanos) throws MfsException {
        if (type == null || type == FileType.DIRECTORY || type == FileType.SYMLINK) {
            throw new MfsException(Status.EINVAL, "mknod cannot make a " + type);
        }
        DirNode dir = Creation.checkParent(tree, c, parent, name);
        int dev = SpecialNode.isDevice(type) ? rdev : 0;
        return new MknodRecord(parent, name, newInode, type, mode & 07777, dev, c.uid(), Creation.groupFor(c, dir),
                dir.goal(), nowNanos);
    }

    public Attr apply(MknodRecord r) {
        DirNode parent = tree.expect(r.parent(), DirNode.class);
        Inode node = r.type() == FileType.FILE
                ? new FileNode(r.inode(), r.mode(), r.uid(), r.gid(), r.goal(), r.timeNanos())
                : new SpecialNode(r.inode(), r.type(), r.mode(), r.rdev(), r.uid(), r.gid(), r.goal(), r.timeNanos());
        Creation.attach(tree, parent, r.name(), node, r.timeNanos());
        AclRules.inherit(parent, node);
        return node.toAttr();
    }
}
