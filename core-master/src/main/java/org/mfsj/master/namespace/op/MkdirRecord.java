package org.mfsj.master.namespace.op;

/** A new directory {@code inode} named {@code name} in {@code parent}, with its decided attributes. */
public record MkdirRecord(long parent, String name, long inode, int mode, int uid, int gid, int goal, long timeNanos)
        implements NamespaceRecord {
}
