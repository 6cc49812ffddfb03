package org.mfsj.common.types;

/** A deleted file kept in trash: its inode, the path it had, when it went (ns since the epoch), its size. */
public record TrashItem(long inode, String path, long deletedNanos, long length) {
}
