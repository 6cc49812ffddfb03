package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * Quota limits of a directory, set by root only (as MooseFS's admin tools). The usage is counted
 * from the subtree when the quota is made, and kept up to date by every change from then on.
 */
public final class SetQuotaOp {
    private final InodeTable tree;

    SetQuotaOp(InodeTable tree) {
        this.tree = tree;
    }

    public SetQuotaRecord validate(Creds c, long inode, long softBytes, long hardBytes, long softInodes,
            long hardInodes) throws MfsException {
        tree.requireDir(inode);
        if (!c.isRoot()) {
            throw new MfsException(Status.EPERM, "only root sets quotas");
        }
        if (softBytes < 0 || hardBytes < 0 || softInodes < 0 || hardInodes < 0) {
            throw new MfsException(Status.EINVAL, "negative quota limit");
        }
        return new SetQuotaRecord(inode, softBytes, hardBytes, softInodes, hardInodes);
    }

    public void apply(SetQuotaRecord r) {
        DirNode dir = tree.expect(r.inode(), DirNode.class);
        long[] usage = tree.quotas().usageOf(dir);
        tree.quotas().set(r.inode(), r.softBytes(), r.hardBytes(), r.softInodes(), r.hardInodes(), usage[1],
                usage[0] - 1);
    }
}
