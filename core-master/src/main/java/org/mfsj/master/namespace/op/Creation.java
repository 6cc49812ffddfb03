package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/** What every creating op (mkdir, mknod, symlink, link) checks and does alike. */
final class Creation {
    private Creation() {
    }

    /**
     * The directory a new name goes into, in the kernel's order of complaints: a bad name, no
     * search permission, the name taken (even without write permission), then no write permission.
     */
    static DirNode checkParent(InodeTable tree, Creds c, long parent, String name) throws MfsException {
        DirNode dir = tree.requireDir(parent);
        Names.checkNew(name);
        Access.check(c, dir, Access.X);
        if (dir.find(name) != null) {
            throw new MfsException(Status.EEXIST, "'" + name + "' in directory " + parent);
        }
        Access.check(c, dir, Access.W);
        tree.quotas().checkRoom(parent, 1, 0);
        return dir;
    }

    /** BSD group semantics under a setgid directory, the caller's primary group otherwise. */
    static int groupFor(Creds c, DirNode parent) {
        return (parent.mode() & Access.S_ISGID) != 0 ? parent.gid() : c.gid();
    }

    /**
     * Registers a new node and links it; the parent's entries changed, so its times move. The node
     * inherits the parent's trash time here, in apply, so replay derives the same value.
     */
    static void attach(InodeTable tree, DirNode parent, String name, Inode node, long nowNanos) {
        node.setTrashSeconds(parent.trashSeconds());
        tree.add(node);
        parent.add(name, node);
        parent.touchContent(nowNanos);
        if (node instanceof FileNode f) {
            f.setParent(parent.id());
        }
        tree.quotas().charge(parent.id(), 1, node.length());
    }
}
