package org.mfsj.master.namespace.op;

/**
 * Copies {@code source} (a file, or a whole tree) to {@code name} in {@code dstParent}, in metadata
 * only: files share their chunks with the originals. New inodes are numbered from
 * {@code firstNewInode} in walk order (breadth first, entries in cookie order).
 */
public record SnapshotRecord(long source, long dstParent, String name, long firstNewInode, long timeNanos)
        implements NamespaceRecord {
}
