package org.mfsj.common.types;

/**
 * Attributes of one inode as every door sees them. Times are nanoseconds since the epoch;
 * {@code mode} holds only the permission bits (07777), the kind is {@link #type}.
 */
public record Attr(
        long inode,
        FileType type,
        int mode,
        int uid,
        int gid,
        long atimeNanos,
        long mtimeNanos,
        long ctimeNanos,
        int nlink,
        long length,
        int rdev,
        int goal,
        int generation) {

    public boolean isDirectory() {
        return type == FileType.DIRECTORY;
    }

    public boolean isFile() {
        return type == FileType.FILE;
    }

    /** The same attributes with another length. */
    public Attr withLength(long newLength) {
        return new Attr(inode, type, mode, uid, gid, atimeNanos, mtimeNanos, ctimeNanos, nlink, newLength, rdev, goal,
                generation);
    }
}
