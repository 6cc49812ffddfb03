package org.mfsj.client;

/** Space and inode totals of the whole file system, as statfs/df report them. */
public record FsStat(long totalBytes, long availBytes, long usedBytes, long inodes) {
}
