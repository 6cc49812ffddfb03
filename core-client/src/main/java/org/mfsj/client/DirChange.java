package org.mfsj.client;

import java.util.List;
import org.mfsj.common.types.Attr;

/**
 * A namespace change with what a gateway must report after it: the entry made or linked (null for
 * a removal or a rename), the attributes of the directory it changed ({@code dir}; for a rename,
 * the source directory) and of a rename's other directory ({@code otherDir}, null when the rename
 * stayed in one directory or for any other change). A directory that could not be read is null.
 * {@code changed} lists the other inodes whose attributes changed: the one unlinked, removed,
 * renamed or replaced by a rename (for a rename: the inode moved first, then the one it replaced).
 */
public record DirChange(Attr entry, Attr dir, Attr otherDir, List<Long> changed) {
    public DirChange {
        changed = List.copyOf(changed);
    }

    /** For clients that cannot ask in one call: the change's result, then the directories read afterwards. */
    static DirChange readAfter(MfsClient c, Attr entry, long dir, long otherDir, List<Long> changed) {
        return new DirChange(entry, attrOrNull(c, dir), otherDir == 0 || otherDir == dir ? null
                : attrOrNull(c, otherDir), changed);
    }

    /** For clients that cannot ask in one call: the inode a name holds before a change (none: empty). */
    static List<Long> inodeOf(MfsClient c, long dir, String name) {
        try {
            return List.of(c.lookup(org.mfsj.common.types.Creds.ROOT, dir, name).inode());
        } catch (org.mfsj.common.status.MfsException absent) {
            return List.of();
        }
    }

    private static Attr attrOrNull(MfsClient c, long inode) {
        try {
            return c.getattr(inode);
        } catch (org.mfsj.common.status.MfsException gone) {
            return null;
        }
    }
}
