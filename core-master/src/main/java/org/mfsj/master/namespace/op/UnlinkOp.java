package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/** unlink: removes one name of a non-directory; the last name takes the inode and its chunks. */
public final class UnlinkOp {
    private final InodeTable tree;
    private final Unlinker unlinker;

    UnlinkOp(InodeTable tree, Unlinker unlinker) {
        this.tree = tree;
        this.unlinker = unlinker;
    }

    public UnlinkRecord validate(Creds c, long parent, String name, long nowNanos) throws MfsException {
        DirNode dir = tree.requireDir(parent);
        if (Names.isDot(name)) {
            throw new MfsException(Status.EISDIR, "unlink '" + name + "'");
        }
        Inode victim = Removal.checkVictim(tree, c, dir, name);
        if (victim.isDirectory()) {
            throw new MfsException(Status.EISDIR, "unlink of directory " + victim.id());
        }
        return new UnlinkRecord(parent, name, victim.id(), nowNanos);
    }

    public void apply(UnlinkRecord r) {
        DirNode dir = tree.expect(r.parent(), DirNode.class);
        Inode victim = Removal.expectEntry(tree, dir, r.name(), r.inode(), Inode.class);
        unlinker.unlink(dir, r.name(), victim, r.timeNanos());
    }
}
