package org.mfsj.master.namespace.op;

/**
 * Sets the trash time of {@code inode} (and, if {@code recursive}, of every file and directory
 * below it) to {@code seconds}. With {@code onlyOwnedBy}, nodes of other uids than {@code uid} are
 * left alone, as for setgoal.
 */
public record SetTrashTimeRecord(long inode, int seconds, boolean recursive, boolean onlyOwnedBy, int uid,
        long timeNanos) implements NamespaceRecord {
}
