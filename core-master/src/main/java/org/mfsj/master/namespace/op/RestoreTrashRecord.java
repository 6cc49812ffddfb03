package org.mfsj.master.namespace.op;

/**
 * A file in trash gets its old path back. Directories of that path that are gone by now are made
 * again (mode 0755, owned by root), numbered from {@code firstNewInode} in path order.
 */
public record RestoreTrashRecord(long inode, long firstNewInode, long timeNanos) implements NamespaceRecord {
}
