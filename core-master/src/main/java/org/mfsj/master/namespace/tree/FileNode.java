package org.mfsj.master.namespace.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.FileType;

/**
 * A regular file: its length and its chunk table, index to chunk id, 0 for a hole. The table is a
 * dense array like MooseFS's, so it is bounded by {@link #MAX_CHUNKS}.
 */
public final class FileNode extends Inode {
    /** 2^24 chunks of 64 MiB = 1 PiB per file; keeps the dense table of a sparse file bounded. */
    public static final int MAX_CHUNKS = 1 << 24;
    public static final long MAX_LENGTH = (long) MAX_CHUNKS * ChunkGeometry.CHUNK_SIZE;

    private static final long[] NONE = new long[0];

    private long length;
    private long[] chunks = NONE;
    /** Directory of the name the file is charged to for quotas; 0 = none (in trash, or that name went). */
    private long parent;
    /** Slots in use: highest index ever set (and not truncated away) plus one. */
    private int used;

    public FileNode(long id, int mode, int uid, int gid, int goal, long nowNanos) {
        super(id, mode, uid, gid, goal, nowNanos);
    }

    @Override
    public FileType type() {
        return FileType.FILE;
    }

    @Override
    public long length() {
        return length;
    }

    /** Only {@link InodeTable#setLength} calls this, so the table's byte total stays right. */
    void setLength(long length) {
        this.length = length;
    }

    public long parent() {
        return parent;
    }

    public void setParent(long dir) {
        this.parent = dir;
    }

    public long chunkAt(int index) {
        return index < used ? chunks[index] : 0;
    }

    /** Stores {@code chunkId} at {@code index} and returns the id it replaced (0 if none). */
    public long setChunk(int index, long chunkId) {
        if (index < 0 || index >= MAX_CHUNKS) {
            throw new IllegalArgumentException("chunk index " + index);
        }
        if (index >= chunks.length) {
            int size = Math.max(index + 1, Math.min(MAX_CHUNKS, Math.max(4, chunks.length * 2)));
            chunks = Arrays.copyOf(chunks, size);
        }
        long old = chunks[index];
        chunks[index] = chunkId;
        used = Math.max(used, index + 1);
        return old;
    }

    /** A copy of the table: index to chunk id, 0 for holes. */
    public long[] chunks() {
        return Arrays.copyOf(chunks, used);
    }

    /** Clears every slot from {@code first} on and returns the non-zero ids it held, in order. */
    public List<Long> dropChunksFrom(int first) {
        List<Long> dropped = new ArrayList<>();
        for (int i = Math.max(first, 0); i < used; i++) {
            if (chunks[i] != 0) {
                dropped.add(chunks[i]);
                chunks[i] = 0;
            }
        }
        used = Math.min(used, Math.max(first, 0));
        if (used < chunks.length / 4) {
            chunks = Arrays.copyOf(chunks, used);
        }
        return dropped;
    }
}
