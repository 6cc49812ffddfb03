package org.mfsj.master.meta;

import java.util.HashMap;
import java.util.Map;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/** Chunk reference counts follow from the file tables (files in trash included), so images need not hold them. */
public final class ChunkRefs {
    private ChunkRefs() {
    }

    /** How many file slots name each chunk. */
    public static Map<Long, Integer> count(InodeTable tree) {
        Map<Long, Integer> slots = new HashMap<>();
        for (Inode n : tree.all()) {
            if (n instanceof FileNode f) {
                for (long id : f.chunks()) {
                    if (id != 0) {
                        slots.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
        return slots;
    }

    static void rebuild(InodeTable tree, ChunkRegistry chunks) {
        chunks.restoreRefs(count(tree));
    }
}
