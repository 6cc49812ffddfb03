package org.mfsj.master.service;

import org.mfsj.common.wire.client2master.Scratch;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.Xattrs;

/**
 * Which directories and files are scratch: a directory carrying {@link Scratch#XATTR} (only root
 * may set it), and a regular file whose one and only name is in such a directory. Never throws:
 * anything else (gone, another kind, more links) is simply not scratch.
 */
final class ScratchArea {
    private final Namespace ns;

    ScratchArea(Namespace ns) {
        this.ns = ns;
    }

    boolean isScratchDir(long inode) {
        Inode n = find(inode);
        if (!(n instanceof DirNode)) {
            return false;
        }
        Xattrs x = n.xattrsOrNull();
        return x != null && x.contains(Scratch.XATTR);
    }

    boolean isScratchFile(long inode) {
        return find(inode) instanceof FileNode f && f.nlink() == 1 && f.parent() != 0 && isScratchDir(f.parent());
    }

    private Inode find(long inode) {
        try {
            return ns.tree().require(inode);
        } catch (org.mfsj.common.status.MfsException gone) {
            return null;
        }
    }
}
