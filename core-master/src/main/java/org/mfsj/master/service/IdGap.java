package org.mfsj.master.service;

import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * Inode numbers and chunk ids a master skips when it starts serving (at start-up, or when it
 * becomes leader). Scratch calls are answered, and a scratch file's new chunk is made on its
 * chunkservers, before their records are durable, so a master that died may have handed out
 * numbers its log never got. Handed out again, an inode number still held by a client would reach
 * someone else's file, and a chunk id would match a copy a chunkserver made for the lost record.
 * Skipping past every number the last life could have given prevents both: the old inode numbers
 * stay unknown (ENOENT), and a copy with an old id is reported as an orphan and deleted.
 */
final class IdGap {
    /**
     * About a million: far more than the records one life can apply before a group commit makes
     * them durable (each is one request in flight); at one skip per start, 64-bit numbers last.
     */
    static final long SKIPPED = 1L << 20;

    private IdGap() {
    }

    /**
     * Skips the gap, unless nothing was ever durable ({@code version} 0): then no client was ever
     * answered (every other reply waits for durability), so none knows a scratch directory.
     */
    static void skip(InodeTable inodes, ChunkRegistry chunks, long version) {
        if (version > 0) {
            inodes.reserveIdsBelow(inodes.nextId() + SKIPPED);
            chunks.reserveIdsBelow(chunks.nextId() + SKIPPED);
        }
    }
}
