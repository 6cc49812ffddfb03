package org.mfsj.master.namespace.op;

/**
 * Resolved attribute change: {@code mask} holds only MODE, UID, GID, ATIME and MTIME (the "now"
 * variants are already turned into times, and setuid/setgid clearing into MODE); ctime becomes
 * {@code timeNanos}.
 */
public record SetAttrRecord(long inode, int mask, int mode, int uid, int gid, long atimeNanos, long mtimeNanos,
        long timeNanos) implements NamespaceRecord {
}
