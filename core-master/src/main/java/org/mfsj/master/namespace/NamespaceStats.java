package org.mfsj.master.namespace;

/** Totals for statfs and the status tools; {@code totalLength} sums regular files only. */
public record NamespaceStats(long inodes, long directories, long files, long totalLength) {
}
