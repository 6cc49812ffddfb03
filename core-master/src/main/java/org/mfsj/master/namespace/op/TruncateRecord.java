package org.mfsj.master.namespace.op;

/** Sets a file's length, dropping chunks wholly past it. */
public record TruncateRecord(long inode, long length, long timeNanos) implements NamespaceRecord {
}
