package org.mfsj.master.namespace.op;

import org.mfsj.common.types.FileType;

/** A new regular file, FIFO, socket or device node. */
public record MknodRecord(long parent, String name, long inode, FileType type, int mode, int rdev,
        int uid, int gid, int goal, long timeNanos) implements NamespaceRecord {
}
