package org.mfsj.master.namespace.op;

/** Removes one extended attribute. */
public record RemoveXattrRecord(long inode, String name, long timeNanos) implements NamespaceRecord {
}
