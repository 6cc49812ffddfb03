package org.mfsj.common.types;

/**
 * Attributes of one inode as every door sees them. Times are nanoseconds since the epoch;
 * {@code mode} holds only the permission bits (07777), the kind is {@link #type}.
 * {@code noXattrs} is true when the master said the inode had no extended attribute when it made
 * these attributes (as MooseFS's "no xattr" flag): a door may then answer ENODATA alone for as long
 * as it trusts the rest of them. False when it has some, or when nobody said.
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
        int generation,
        boolean noXattrs) {

    /** Attributes that say nothing about extended attributes (a door must ask for those). */
    public Attr(long inode, FileType type, int mode, int uid, int gid, long atimeNanos, long mtimeNanos,
            long ctimeNanos, int nlink, long length, int rdev, int goal, int generation) {
        this(inode, type, mode, uid, gid, atimeNanos, mtimeNanos, ctimeNanos, nlink, length, rdev, goal, generation,
                false);
    }

    public boolean isDirectory() {
        return type == FileType.DIRECTORY;
    }

    public boolean isFile() {
        return type == FileType.FILE;
    }

    /** The same attributes with another length. */
    public Attr withLength(long newLength) {
        return new Attr(inode, type, mode, uid, gid, atimeNanos, mtimeNanos, ctimeNanos, nlink, newLength, rdev, goal,
                generation, noXattrs);
    }
}
