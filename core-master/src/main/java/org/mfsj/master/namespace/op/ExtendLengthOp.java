package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * End of a write: the file grows to cover what was written (never shrinks; a write that ended
 * inside the file leaves the length alone) and its mtime and ctime move.
 */
public final class ExtendLengthOp {
    private final InodeTable tree;

    public ExtendLengthOp(InodeTable tree) {
        this.tree = tree;
    }

    public ExtendLengthRecord validate(long inode, long length, long nowNanos) throws MfsException {
        tree.requireFile(inode);
        if (length < 0) {
            throw new MfsException(Status.EINVAL, "negative length " + length);
        }
        if (length > FileNode.MAX_LENGTH) {
            throw new MfsException(Status.EFBIG, "length " + length + " over " + FileNode.MAX_LENGTH);
        }
        FileNode file = tree.requireFile(inode);
        if (length > file.length()) {
            tree.quotas().checkRoom(file.parent(), 0, length - file.length());
        }
        return new ExtendLengthRecord(inode, length, nowNanos);
    }

    public Attr apply(ExtendLengthRecord r) {
        FileNode file = tree.expect(r.inode(), FileNode.class);
        if (r.length() > file.length()) {
            tree.setLength(file, r.length());
        }
        file.touchContent(r.timeNanos());
        return file.toAttr();
    }
}
