package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * Puts a finished regular file in place (what an object store's PUT ends with): utimes of its
 * mtime, setxattr of one attribute and rename, checked as those three are and applied as one
 * record, so the file never appears at its new name without its attribute, and one changelog
 * write (one fsync) covers all three.
 */
public final class PublishOp {
    private final InodeTable tree;
    private final RenameOp rename;
    private final SetXattrOp setXattr;

    PublishOp(InodeTable tree, RenameOp rename, SetXattrOp setXattr) {
        this.tree = tree;
        this.rename = rename;
        this.setXattr = setXattr;
    }

    public PublishRecord validate(Creds c, long srcParent, String srcName, long dstParent, String dstName,
            String xattrName, byte[] xattrValue, long mtimeNanos, long expectTarget, long nowNanos)
            throws MfsException {
        RenameRecord move = rename.validate(c, srcParent, srcName, dstParent, dstName, nowNanos);
        if (move == null) {
            throw new MfsException(Status.EINVAL, "'" + srcName + "' in " + srcParent + " is already '" + dstName
                    + "' in " + dstParent);
        }
        if (expectTarget != Publish.ANY_TARGET && move.replaced() != expectTarget) {
            throw new MfsException(Status.TARGET_CHANGED, "'" + dstName + "' in " + dstParent + " is "
                    + (move.replaced() == 0 ? "free" : "inode " + move.replaced()) + ", expected "
                    + (expectTarget == Publish.NO_TARGET ? "free" : "inode " + expectTarget));
        }
        Inode file = tree.require(move.inode());
        if (!(file instanceof FileNode)) {
            throw new MfsException(Status.EINVAL, "publish of inode " + file.id() + ": not a regular file");
        }
        setXattr.validate(c, file.id(), xattrName, xattrValue, 0, nowNanos);
        // an explicit mtime is the owner's to set, as with utimes
        Access.checkOwner(c, file);
        return new PublishRecord(srcParent, srcName, dstParent, dstName, move.inode(), move.replaced(), xattrName,
                xattrValue, mtimeNanos, nowNanos);
    }

    public Attr apply(PublishRecord r) {
        setXattr.apply(r.xattr());
        tree.expect(r.inode(), Inode.class).setMtime(r.mtimeNanos());
        rename.apply(r.rename());
        return tree.expect(r.inode(), Inode.class).toAttr();
    }
}
