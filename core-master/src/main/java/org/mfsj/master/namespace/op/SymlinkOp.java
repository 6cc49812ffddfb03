package org.mfsj.master.namespace.op;

import java.nio.charset.StandardCharsets;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.InodeTable;
import org.mfsj.master.namespace.tree.SymlinkNode;

/** symlink: the target is stored as given and never resolved here; doors resolve paths. */
public final class SymlinkOp {
    /** PATH_MAX including the terminating NUL, as Linux limits symlink targets. */
    public static final int MAX_TARGET_BYTES = 4095;

    private final InodeTable tree;

    public SymlinkOp(InodeTable tree) {
        this.tree = tree;
    }

    public SymlinkRecord validate(Creds c, long parent, String name, String target, long newInode, long nowNanos)
            throws MfsException {
        if (target == null || target.isEmpty()) {
            throw new MfsException(Status.ENOENT, "empty symlink target");
        }
        if (target.indexOf('\0') >= 0) {
            throw new MfsException(Status.EINVAL, "symlink target contains NUL");
        }
        if (target.getBytes(StandardCharsets.UTF_8).length > MAX_TARGET_BYTES) {
            throw new MfsException(Status.ENAMETOOLONG, "symlink target longer than " + MAX_TARGET_BYTES + " bytes");
        }
        DirNode dir = Creation.checkParent(tree, c, parent, name);
        return new SymlinkRecord(parent, name, newInode, target, c.uid(), Creation.groupFor(c, dir), dir.goal(),
                nowNanos);
    }

    public Attr apply(SymlinkRecord r) {
        DirNode parent = tree.expect(r.parent(), DirNode.class);
        SymlinkNode node = new SymlinkNode(r.inode(), r.target(), r.uid(), r.gid(), r.goal(), r.timeNanos());
        Creation.attach(tree, parent, r.name(), node, r.timeNanos());
        return node.toAttr();
    }
}
