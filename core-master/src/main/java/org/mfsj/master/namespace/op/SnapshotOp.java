package org.mfsj.master.namespace.op;

import java.util.ArrayDeque;
import java.util.Deque;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.ChunkListener;
import org.mfsj.master.namespace.tree.Dentry;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;
import org.mfsj.master.namespace.tree.SpecialNode;
import org.mfsj.master.namespace.tree.SymlinkNode;
import org.mfsj.master.namespace.tree.Xattrs;

/**
 * snapshot: a copy of a file or tree that shares every chunk with the original (each shared chunk
 * is reported referenced once more; the first write to either side copies it). Copies keep mode,
 * owner, goal, trash time, times and xattrs; their ctime is the snapshot's. Hard links inside the
 * tree become separate files, each sharing the same chunks.
 */
public final class SnapshotOp {
    /** A node to copy and where its copy goes. */
    private record Job(Inode source, DirNode parent, String name) {
    }

    private final InodeTable tree;
    private final ChunkListener listener;

    SnapshotOp(InodeTable tree, ChunkListener listener) {
        this.tree = tree;
        this.listener = listener;
    }

    /** Needs read permission on the source and the usual rights to create {@code name}. */
    public SnapshotRecord validate(Creds c, long source, long dstParent, String name, long firstNewInode,
            long nowNanos) throws MfsException {
        Inode src = tree.require(source);
        if (tree.trash().contains(source)) {
            throw new MfsException(Status.ENOENT, "inode " + source + " is in trash");
        }
        Access.check(c, src, Access.R);
        DirNode dst = Creation.checkParent(tree, c, dstParent, name);
        if (src instanceof DirNode) {
            for (long d = dst.id(); ; d = tree.requireDir(d).parent()) {
                if (d == source) {
                    throw new MfsException(Status.EINVAL, "snapshot of directory " + source + " into itself");
                }
                if (d == InodeTable.ROOT) {
                    break;
                }
            }
        }
        long[] usage = tree.quotas().isEmpty() ? new long[2] : tree.quotas().usageOf(src);
        tree.quotas().checkRoom(dstParent, usage[0], usage[1]);
        return new SnapshotRecord(source, dstParent, name, firstNewInode, nowNanos);
    }

    /** Returns how many inodes were made. */
    public long apply(SnapshotRecord r) {
        Deque<Job> todo = new ArrayDeque<>();
        todo.add(new Job(tree.expect(r.source(), Inode.class), tree.expect(r.dstParent(), DirNode.class), r.name()));
        long next = r.firstNewInode();
        while (!todo.isEmpty()) {
            Job j = todo.poll();
            Inode copy = copyOf(j.source(), next++, j.parent().id(), r.timeNanos());
            tree.add(copy);
            j.parent().add(j.name(), copy);
            j.parent().touchContent(r.timeNanos());
            tree.quotas().charge(j.parent().id(), 1, 0);
            if (copy instanceof FileNode f) {
                f.setParent(j.parent().id());
                shareChunks((FileNode) j.source(), f);
            }
            if (j.source() instanceof DirNode dir) {
                for (Dentry d : dir.entries()) {
                    todo.add(new Job(tree.expect(d.inode(), Inode.class), (DirNode) copy, d.name()));
                }
            }
        }
        return next - r.firstNewInode();
    }

    private static Inode copyOf(Inode s, long id, long parent, long nowNanos) {
        Inode n;
        if (s instanceof DirNode) {
            n = new DirNode(id, parent, s.mode(), s.uid(), s.gid(), s.goal(), nowNanos);
        } else if (s instanceof FileNode) {
            n = new FileNode(id, s.mode(), s.uid(), s.gid(), s.goal(), nowNanos);
        } else if (s instanceof SymlinkNode l) {
            n = new SymlinkNode(id, l.target(), s.uid(), s.gid(), s.goal(), nowNanos);
        } else {
            n = new SpecialNode(id, s.type(), s.mode(), s.rdev(), s.uid(), s.gid(), s.goal(), nowNanos);
        }
        n.setTrashSeconds(s.trashSeconds());
        n.setAtime(s.atimeNanos());
        n.setMtime(s.mtimeNanos());
        Xattrs x = s.xattrsOrNull();
        if (x != null) {
            for (String name : x.names()) {
                n.xattrs().put(name, x.get(name));
            }
        }
        return n;
    }

    private void shareChunks(FileNode source, FileNode copy) {
        long[] table = source.chunks();
        for (int i = 0; i < table.length; i++) {
            if (table[i] != 0) {
                copy.setChunk(i, table[i]);
                listener.onChunkReferenced(table[i]);
            }
        }
        tree.setLength(copy, source.length());
    }
}
