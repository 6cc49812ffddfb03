package org.mfsj.master.namespace.op;

/** End of a write: the length becomes at least {@code length}, mtime and ctime {@code timeNanos}. */
public record ExtendLengthRecord(long inode, long length, long timeNanos) implements NamespaceRecord {
}
