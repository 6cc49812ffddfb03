package org.mfsj.master.namespace.op;

/** A further name {@code name} in {@code parent} for the existing non-directory {@code inode}. */
public record LinkRecord(long inode, long parent, String name, long timeNanos) implements NamespaceRecord {
}
