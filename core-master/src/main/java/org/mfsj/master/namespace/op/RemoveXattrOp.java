package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.acl.AclRules;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/** removexattr: needs write permission; ENODATA when the attribute is absent. */
public final class RemoveXattrOp {
    private final InodeTable tree;

    public RemoveXattrOp(InodeTable tree) {
        this.tree = tree;
    }

    public RemoveXattrRecord validate(Creds c, long inode, String name, long nowNanos) throws MfsException {
        XattrRules.checkName(name);
        XattrRules.checkPrivileged(c, name);
        Inode n = tree.require(inode);
        if (AclRules.isAclName(name)) {
            Access.checkOwner(c, n);
        } else {
            Access.check(c, n, Access.W);
        }
        if (n.xattrsOrNull() == null || !n.xattrsOrNull().contains(name)) {
            throw new MfsException(Status.ENODATA, "xattr '" + name + "' on inode " + inode);
        }
        return new RemoveXattrRecord(inode, name, nowNanos);
    }

    public void apply(RemoveXattrRecord r) {
        Inode n = tree.expect(r.inode(), Inode.class);
        if (!n.xattrs().remove(r.name())) {
            throw new IllegalStateException("xattr '" + r.name() + "' absent on inode " + r.inode());
        }
        n.setCtime(r.timeNanos());
    }
}
