package org.mfsj.nfs.handle;

/**
 * What an NFS file handle names: a file system (so a handle from another cluster is refused), an
 * export (by a stable id derived from its path), an inode and the inode's generation.
 */
public record NfsHandle(long fsid, int exportId, long inode, int generation) {
}
