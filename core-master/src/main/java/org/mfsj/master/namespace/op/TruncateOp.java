package org.mfsj.master.namespace.op;

import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.ChunkListener;
import org.mfsj.master.namespace.TruncateResult;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * truncate / ftruncate: sets a file's length. Chunks wholly past the new end are dropped and
 * reported; a chunk the new end falls inside is named in the result for the caller to cut.
 */
public final class TruncateOp {
    private final InodeTable tree;
    private final ChunkListener listener;

    TruncateOp(InodeTable tree, ChunkListener listener) {
        this.tree = tree;
        this.listener = listener;
    }

    public TruncateRecord validate(Creds c, long inode, long length, long nowNanos) throws MfsException {
        FileNode file = tree.requireFile(inode);
        if (length < 0) {
            throw new MfsException(Status.EINVAL, "negative length " + length);
        }
        if (length > FileNode.MAX_LENGTH) {
            throw new MfsException(Status.EFBIG, "length " + length + " over " + FileNode.MAX_LENGTH);
        }
        Access.check(c, file, Access.W);
        if (length > file.length()) {
            tree.quotas().checkRoom(file.parent(), 0, length - file.length());
        }
        return new TruncateRecord(inode, length, nowNanos);
    }

    public TruncateResult apply(TruncateRecord r) {
        FileNode file = tree.expect(r.inode(), FileNode.class);
        long oldLength = file.length();
        long newLength = r.length();
        int keep = (int) ((newLength + ChunkGeometry.CHUNK_SIZE - 1) / ChunkGeometry.CHUNK_SIZE);
        List<Long> dropped = file.dropChunksFrom(keep);
        dropped.forEach(listener::onChunkUnreferenced);
        long cutId = 0;
        int cutLength = 0;
        int tail = ChunkGeometry.offsetInChunk(newLength);
        if (newLength < oldLength && tail != 0) {
            cutId = file.chunkAt(ChunkGeometry.chunkIndex(newLength));
            cutLength = cutId == 0 ? 0 : tail;
        }
        tree.setLength(file, newLength);
        file.touchContent(r.timeNanos());
        return new TruncateResult(file.toAttr(), dropped, cutId, cutLength);
    }
}
