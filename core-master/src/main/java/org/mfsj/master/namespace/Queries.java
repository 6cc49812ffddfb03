package org.mfsj.master.namespace;

import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.NameList;
import org.mfsj.master.namespace.op.Access;
import org.mfsj.master.namespace.op.Names;
import org.mfsj.master.namespace.op.SetChunkOp;
import org.mfsj.master.namespace.op.XattrRules;
import org.mfsj.master.namespace.tree.Dentry;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;
import org.mfsj.master.namespace.tree.SymlinkNode;
import org.mfsj.master.namespace.tree.Xattrs;

/**
 * The reads: they change nothing, so they have no record and no op. Access times are not updated
 * (noatime): an atime change would be a logged mutation on every read.
 */
final class Queries {
    private final InodeTable tree;

    Queries(InodeTable tree) {
        this.tree = tree;
    }

    Attr lookup(Creds c, long parent, String name) throws MfsException {
        DirNode dir = tree.requireDir(parent);
        Access.check(c, dir, Access.X);
        if (".".equals(name)) {
            return dir.toAttr();
        }
        if ("..".equals(name)) {
            return tree.expect(dir.parent(), DirNode.class).toAttr();
        }
        Names.checkComponent(name);
        Dentry d = dir.find(name);
        if (d == null) {
            throw new MfsException(Status.ENOENT, "'" + name + "' in directory " + parent);
        }
        return tree.expect(d.inode(), Inode.class).toAttr();
    }

    ReadDirPage readdir(Creds c, long inode, long cookie, int maxEntries, boolean withAttrs) throws MfsException {
        DirNode dir = listable(c, inode, cookie, maxEntries);
        List<DirEntry> out = new ArrayList<>(Math.min(maxEntries, dir.size()));
        boolean more = dir.forEachAfter(cookie, maxEntries, d -> {
            Inode n = entryInode(inode, d);
            out.add(new DirEntry(d.name(), d.inode(), n.type(), d.cookie(), withAttrs ? n.toAttr() : null));
        });
        return new ReadDirPage(out, !more);
    }

    /** As {@link #readdir} without attributes, packed: no object per name on the way out. */
    ReadDirNamesPage readdirNames(Creds c, long inode, long cookie, int maxEntries) throws MfsException {
        DirNode dir = listable(c, inode, cookie, maxEntries);
        NameList.Builder out = new NameList.Builder(Math.min(maxEntries, dir.size()));
        boolean more = dir.forEachAfter(cookie, maxEntries,
                d -> out.add(d.name(), d.inode(), entryInode(inode, d).type(), d.cookie()));
        return new ReadDirNamesPage(out.build(), !more);
    }

    /**
     * The inode entry {@code d} of directory {@code dir} names. {@code find}, not {@code expect}: the
     * class check per entry was a listing's largest single cost (perf).
     */
    private Inode entryInode(long dir, Dentry d) {
        Inode n = tree.find(d.inode());
        if (n == null) {
            throw new IllegalStateException("directory " + dir + " names inode " + d.inode() + ", which is gone");
        }
        return n;
    }

    private DirNode listable(Creds c, long inode, long cookie, int maxEntries) throws MfsException {
        DirNode dir = tree.requireDir(inode);
        Access.check(c, dir, Access.R);
        if (maxEntries <= 0 || cookie < 0) {
            throw new MfsException(Status.EINVAL, "readdir maxEntries=" + maxEntries + " cookie=" + cookie);
        }
        return dir;
    }

    String readlink(long inode) throws MfsException {
        if (tree.require(inode) instanceof SymlinkNode link) {
            return link.target();
        }
        throw new MfsException(Status.EINVAL, "inode " + inode + " is not a symlink");
    }

    byte[] getxattr(Creds c, long inode, String name) throws MfsException {
        XattrRules.checkName(name);
        Inode n = tree.require(inode);
        Access.check(c, n, Access.R);
        Xattrs x = n.xattrsOrNull();
        byte[] value = x == null ? null : x.get(name);
        if (value == null) {
            throw new MfsException(Status.ENODATA, "xattr '" + name + "' on inode " + inode);
        }
        return value;
    }

    /** Listing names needs no permission on the inode itself, as on Linux. */
    List<String> listxattr(long inode) throws MfsException {
        Xattrs x = tree.require(inode).xattrsOrNull();
        return x == null ? List.of() : x.names();
    }

    long chunkAt(long inode, int index) throws MfsException {
        SetChunkOp.checkIndex(index);
        return tree.requireFile(inode).chunkAt(index);
    }

    long[] chunks(long inode) throws MfsException {
        return tree.requireFile(inode).chunks();
    }

    NamespaceStats stats() {
        return new NamespaceStats(tree.inodeCount(), tree.directoryCount(), tree.fileCount(), tree.totalLength());
    }
}
