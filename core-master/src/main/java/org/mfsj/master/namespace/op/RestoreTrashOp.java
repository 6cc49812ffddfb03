package org.mfsj.master.namespace.op;

import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.tree.Dentry;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;
import org.mfsj.master.namespace.tree.Trash;

/**
 * Restore from trash to the original path: EEXIST if the name is taken, ENOTDIR if a component
 * of the path is no longer a directory; missing directories are made again.
 */
public final class RestoreTrashOp {
    private static final int DIR_MODE = 0755;

    private final InodeTable tree;

    RestoreTrashOp(InodeTable tree) {
        this.tree = tree;
    }

    /** Only the file's owner or root may restore it. */
    public RestoreTrashRecord validate(Creds c, long inode, long firstNewInode, long nowNanos) throws MfsException {
        Access.checkOwner(c, TrashRules.requireTrashed(tree, inode));
        Trash.Entry e = tree.trash().get(inode);
        List<String> parts = TreePaths.components(e.path());
        DirNode dir = tree.root();
        for (int i = 0; i < parts.size(); i++) {
            Dentry d = dir.find(parts.get(i));
            if (d == null) {
                return new RestoreTrashRecord(inode, firstNewInode, nowNanos);
            }
            if (i == parts.size() - 1) {
                throw new MfsException(Status.EEXIST, "'" + e.path() + "' exists; restore of inode " + inode);
            }
            if (!(tree.require(d.inode()) instanceof DirNode sub)) {
                throw new MfsException(Status.ENOTDIR, "'" + parts.get(i) + "' in '" + e.path() + "' is not a directory");
            }
            dir = sub;
        }
        throw new MfsException(Status.EINVAL, "trash entry of inode " + inode + " has an empty path");
    }

    public Attr apply(RestoreTrashRecord r) {
        Trash.Entry e = tree.trash().remove(r.inode());
        Inode file = tree.expect(r.inode(), Inode.class);
        List<String> parts = TreePaths.components(e.path());
        DirNode dir = tree.root();
        long next = r.firstNewInode();
        for (String part : parts.subList(0, parts.size() - 1)) {
            Dentry d = dir.find(part);
            if (d != null) {
                dir = tree.expect(d.inode(), DirNode.class);
                continue;
            }
            DirNode made = new DirNode(next++, dir.id(), DIR_MODE, 0, 0, dir.goal(), r.timeNanos());
            Creation.attach(tree, dir, part, made, r.timeNanos());
            dir = made;
        }
        dir.add(parts.get(parts.size() - 1), file);
        dir.touchContent(r.timeNanos());
        if (file instanceof FileNode f) {
            f.setParent(dir.id());
        }
        tree.quotas().charge(dir.id(), 1, file.length());
        file.addLink();
        file.setCtime(r.timeNanos());
        return file.toAttr();
    }
}
