package org.mfsj.master.namespace.op;

/**
 * {@code session} released {@code releases} of its opens of held file {@code inode} (all of them
 * when its session expired); the last release of a file with no name frees it and its chunks.
 */
public record ReleaseOpenRecord(long inode, long session, int releases) implements NamespaceRecord {
    /** Releases every open the session holds. */
    public static final int ALL = Integer.MAX_VALUE;
}
