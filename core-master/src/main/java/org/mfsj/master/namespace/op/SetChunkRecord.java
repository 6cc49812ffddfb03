package org.mfsj.master.namespace.op;

/** Puts {@code chunkId} (0 = hole) at {@code index} of a file's chunk table. */
public record SetChunkRecord(long inode, int index, long chunkId) implements NamespaceRecord {
}
