package org.mfsj.master.namespace.op;

/** A file leaves the trash for good: its inode and its chunks are freed. */
public record PurgeTrashRecord(long inode) implements NamespaceRecord {
}
