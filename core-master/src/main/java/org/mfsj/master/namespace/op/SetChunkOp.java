package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.master.namespace.ChunkListener;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * Puts a chunk into a file's table (the write path, after the master allocated or copied a chunk).
 * No permission check: the caller checked write access when the file was opened. Times are left
 * to {@link ExtendLengthOp} at the end of the write.
 */
public final class SetChunkOp {
    private final InodeTable tree;
    private final ChunkListener listener;

    SetChunkOp(InodeTable tree, ChunkListener listener) {
        this.tree = tree;
        this.listener = listener;
    }

    public SetChunkRecord validate(long inode, int index, long chunkId) throws MfsException {
        tree.requireFile(inode);
        checkIndex(index);
        return new SetChunkRecord(inode, index, chunkId);
    }

    public void apply(SetChunkRecord r) {
        FileNode file = tree.expect(r.inode(), FileNode.class);
        long old = file.setChunk(r.index(), r.chunkId());
        if (old != 0 && old != r.chunkId()) {
            listener.onChunkUnreferenced(old);
        }
    }

    /** EINVAL for a negative index, EFBIG past the largest file. */
    public static void checkIndex(int index) throws MfsException {
        if (index < 0) {
            throw new MfsException(Status.EINVAL, "chunk index " + index);
        }
        if (index >= FileNode.MAX_CHUNKS) {
            throw new MfsException(Status.EFBIG, "chunk index " + index + " past " + FileNode.MAX_CHUNKS);
        }
    }
}
