package org.mfsj.master.namespace.op;

/** Removes the name of non-directory {@code inode}; the inode goes with its last link. */
public record UnlinkRecord(long parent, String name, long inode, long timeNanos) implements NamespaceRecord {
}
