package org.mfsj.master.namespace.op;

/** Removes the empty directory {@code inode}. */
public record RmdirRecord(long parent, String name, long inode, long timeNanos) implements NamespaceRecord {
}
