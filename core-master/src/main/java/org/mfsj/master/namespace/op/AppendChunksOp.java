package org.mfsj.master.namespace.op;

import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.ChunkListener;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * Joins files by chunks without copying data (an object store's multipart completion): the
 * sources' chunk tables are appended to the target's, each chunk shared as a snapshot shares it,
 * so a later write to either file copies the chunk first. Only whole chunks can be shared: the
 * target must end on a chunk boundary and every source but the last must be whole chunks.
 * Needs write permission on the target and read permission on the sources.
 */
public final class AppendChunksOp {
    private static final long CHUNK = ChunkGeometry.CHUNK_SIZE;

    private final InodeTable tree;
    private final ChunkListener listener;

    AppendChunksOp(InodeTable tree, ChunkListener listener) {
        this.tree = tree;
        this.listener = listener;
    }

    public AppendChunksRecord validate(Creds c, long inode, List<Long> sources, long nowNanos) throws MfsException {
        FileNode target = tree.requireFile(inode);
        Access.check(c, target, Access.W);
        if (target.length() % CHUNK != 0) {
            throw new MfsException(Status.EINVAL, "file " + inode + " is " + target.length()
                    + " bytes, not whole chunks: chunks can only be appended at a chunk boundary");
        }
        if (sources.isEmpty()) {
            throw new MfsException(Status.EINVAL, "no files to append to " + inode);
        }
        long added = 0;
        for (int i = 0; i < sources.size(); i++) {
            FileNode s = tree.requireFile(sources.get(i));
            if (s.id() == inode) {
                throw new MfsException(Status.EINVAL, "file " + inode + " appended to itself");
            }
            Access.check(c, s, Access.R);
            if (i < sources.size() - 1 && s.length() % CHUNK != 0) {
                throw new MfsException(Status.EINVAL, "file " + s.id() + " is " + s.length()
                        + " bytes, not whole chunks: only the last file appended may end inside a chunk");
            }
            added += s.length();
        }
        if (target.length() + added > FileNode.MAX_LENGTH) {
            throw new MfsException(Status.EFBIG, "file " + inode + " would pass " + FileNode.MAX_LENGTH + " bytes");
        }
        tree.quotas().checkRoom(target.parent(), 0, added);
        return new AppendChunksRecord(inode, sources, nowNanos);
    }

    public Attr apply(AppendChunksRecord r) {
        FileNode target = tree.expect(r.inode(), FileNode.class);
        long length = target.length();
        for (long id : r.sources()) {
            FileNode s = tree.expect(id, FileNode.class);
            long[] table = s.chunks();
            int base = (int) (length / CHUNK);
            int count = (int) ((s.length() + CHUNK - 1) / CHUNK);
            for (int i = 0; i < count && i < table.length; i++) {
                if (table[i] != 0) {
                    target.setChunk(base + i, table[i]);
                    listener.onChunkReferenced(table[i]);
                }
            }
            length += s.length();
        }
        tree.setLength(target, length);
        target.touchContent(r.timeNanos());
        return target.toAttr();
    }
}
