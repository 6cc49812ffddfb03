package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/** rmdir: removes an empty directory. */
public final class RmdirOp {
    private final InodeTable tree;
    private final Unlinker unlinker;

    RmdirOp(InodeTable tree, Unlinker unlinker) {
        this.tree = tree;
        this.unlinker = unlinker;
    }

    public RmdirRecord validate(Creds c, long parent, String name, long nowNanos) throws MfsException {
        DirNode dir = tree.requireDir(parent);
        if (".".equals(name)) {
            throw new MfsException(Status.EINVAL, "rmdir '.'");
        }
        if ("..".equals(name)) {
            throw new MfsException(Status.ENOTEMPTY, "rmdir '..'");
        }
        Inode victim = Removal.checkVictim(tree, c, dir, name);
        if (!(victim instanceof DirNode sub)) {
            throw new MfsException(Status.ENOTDIR, "rmdir of non-directory " + victim.id());
        }
        if (!sub.isEmpty()) {
            throw new MfsException(Status.ENOTEMPTY, "directory " + sub.id() + " has " + sub.size() + " entries");
        }
        return new RmdirRecord(parent, name, sub.id(), nowNanos);
    }

    public void apply(RmdirRecord r) {
        DirNode dir = tree.expect(r.parent(), DirNode.class);
        DirNode victim = Removal.expectEntry(tree, dir, r.name(), r.inode(), DirNode.class);
        unlinker.unlink(dir, r.name(), victim, r.timeNanos());
    }
}
