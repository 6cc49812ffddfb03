package org.mfsj.master.namespace.op;

/** A new symbolic link pointing at {@code target}. */
public record SymlinkRecord(long parent, String name, long inode, String target, int uid, int gid, int goal,
        long timeNanos) implements NamespaceRecord {
}
