package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.tree.Dentry;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/** The checks unlink and rmdir share: find the victim, then may the caller delete it. */
final class Removal {
    private Removal() {
    }

    /** The inode {@code name} names in {@code dir}, after search, write and sticky checks. */
    static Inode checkVictim(InodeTable tree, Creds c, DirNode dir, String name) throws MfsException {
        Names.checkComponent(name);
        Access.check(c, dir, Access.X);
        Dentry d = dir.find(name);
        if (d == null) {
            throw new MfsException(Status.ENOENT, "'" + name + "' in directory " + dir.id());
        }
        Inode victim = tree.require(d.inode());
        Access.checkDelete(c, dir, victim);
        return victim;
    }

    /** The inode a record says {@code name} names; anything else means the record does not fit. */
    static <T extends Inode> T expectEntry(InodeTable tree, DirNode dir, String name, long inode, Class<T> type) {
        Dentry d = dir.find(name);
        if (d == null || d.inode() != inode) {
            throw new IllegalStateException("'" + name + "' in directory " + dir.id() + " is not inode " + inode);
        }
        return tree.expect(inode, type);
    }
}
