package org.mfsj.master.namespace.op;

/**
 * Moves {@code inode} from {@code srcName} in {@code srcParent} to {@code dstName} in
 * {@code dstParent}, replacing {@code replaced} there (0 if the target name was free).
 */
public record RenameRecord(long srcParent, String srcName, long dstParent, String dstName, long inode,
        long replaced, long timeNanos) implements NamespaceRecord {
}
