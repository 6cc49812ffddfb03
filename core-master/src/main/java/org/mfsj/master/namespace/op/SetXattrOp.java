package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.acl.AclRules;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/** setxattr: needs write permission on the inode, like writing user.* attributes on Linux. */
public final class SetXattrOp {
    private final InodeTable tree;

    public SetXattrOp(InodeTable tree) {
        this.tree = tree;
    }

    public SetXattrRecord validate(Creds c, long inode, String name, byte[] value, int flags, long nowNanos)
            throws MfsException {
        XattrRules.checkName(name);
        XattrRules.checkPrivileged(c, name);
        XattrRules.checkValue(value);
        XattrRules.checkFlags(flags);
        Inode n = tree.require(inode);
        if (AclRules.isAclName(name)) {
            // as on Linux: ACLs are the owner's to set, whatever the mode says
            Access.checkOwner(c, n);
            AclRules.checkSet(n, name, value);
        } else {
            Access.check(c, n, Access.W);
        }
        boolean present = n.xattrsOrNull() != null && n.xattrsOrNull().contains(name);
        if (present && (flags & XattrRules.XATTR_CREATE) != 0) {
            throw new MfsException(Status.EEXIST, "xattr '" + name + "' on inode " + inode);
        }
        if (!present && (flags & XattrRules.XATTR_REPLACE) != 0) {
            throw new MfsException(Status.ENODATA, "xattr '" + name + "' on inode " + inode);
        }
        return new SetXattrRecord(inode, name, value, nowNanos);
    }

    public void apply(SetXattrRecord r) {
        Inode n = tree.expect(r.inode(), Inode.class);
        if (AclRules.isAclName(r.name())) {
            AclRules.applySet(n, r.name(), r.value());
        } else {
            n.xattrs().put(r.name(), r.value());
        }
        n.setCtime(r.timeNanos());
    }
}
