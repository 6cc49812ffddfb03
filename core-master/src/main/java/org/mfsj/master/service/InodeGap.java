package org.mfsj.master.service;

import org.mfsj.master.namespace.tree.InodeTable;

/**
 * Inode numbers a master skips when it starts serving (at start-up, or when it becomes leader).
 * Scratch creates are answered before their records are durable, so a master that died may have
 * handed out numbers its log never got; were they handed out again, a client still holding one
 * would reach someone else's file. Skipping past every number the last life could have given
 * prevents that: new files are numbered above them, and the old numbers stay unknown (ENOENT).
 * The gap bounds the scratch creates one life may have answered but not made durable, which the
 * group commit keeps to one batch per connection.
 */
final class InodeGap {
    /** About a million: far more than any batch; 2^43 starts before 64-bit inode numbers run out. */
    static final long SKIPPED = 1L << 20;

    private InodeGap() {
    }

    /**
     * Skips the gap, unless nothing was ever durable ({@code version} 0): then no client was
     * ever answered (every other reply waits for durability), so none knows a scratch directory.
     */
    static void skip(InodeTable inodes, long version) {
        if (version > 0) {
            inodes.reserveIdsBelow(inodes.nextId() + SKIPPED);
        }
    }
}
