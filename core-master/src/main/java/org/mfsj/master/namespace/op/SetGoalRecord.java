package org.mfsj.master.namespace.op;

/**
 * Sets the goal of {@code inode} (and, if {@code recursive}, of every file and directory below
 * it). With {@code onlyOwnedBy} set, nodes owned by another uid than {@code uid} are left alone: a
 * non-root caller changes only their own files, as in MooseFS.
 */
public record SetGoalRecord(long inode, int goal, boolean recursive, boolean onlyOwnedBy, int uid, long timeNanos)
        implements NamespaceRecord {
}
