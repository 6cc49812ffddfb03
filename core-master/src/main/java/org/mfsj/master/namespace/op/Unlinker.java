package org.mfsj.master.namespace.op;

import org.mfsj.master.namespace.ChunkListener;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;
import org.mfsj.master.namespace.tree.Trash;

/**
 * Removing a name, shared by unlink, rmdir and rename-over-target so that link counts and the
 * release of a file's chunks are done in exactly one place.
 *
 * <p>An inode goes away with its last name, unless it is a file with a trash time: then it moves
 * to the {@link Trash} under the path it had, chunks and all, until restored or purged, or it is
 * held open by sessions ({@link org.mfsj.master.namespace.tree.OpenHolds}): then it stays, with no
 * name, until the last of them releases it.
 */
final class Unlinker {
    private final InodeTable tree;
    private final ChunkListener listener;

    Unlinker(InodeTable tree, ChunkListener listener) {
        this.tree = tree;
        this.listener = listener;
    }

    void unlink(DirNode dir, String name, Inode child, long nowNanos) {
        dir.remove(name, child);
        dir.touchContent(nowNanos);
        if (child instanceof DirNode sub) {
            if (!sub.isEmpty()) {
                throw new IllegalStateException("directory " + sub.id() + " removed while not empty");
            }
            tree.remove(sub);
            tree.quotas().charge(dir.id(), -1, 0);
            return;
        }
        child.dropLink();
        child.setCtime(nowNanos);
        uncharge(dir, child);
        if (child.nlink() > 0) {
            return;
        }
        if (child instanceof FileNode file && file.trashSeconds() > 0) {
            tree.trash().add(new Trash.Entry(file.id(), TreePaths.of(tree, dir, name), nowNanos), file.trashSeconds());
            return;
        }
        release(child);
    }

    /**
     * Quotas: a file stops being charged when the name it is charged to goes (with other names
     * left it is charged nowhere: quotas follow one name, not hard links); other kinds go with
     * their last name.
     */
    private void uncharge(DirNode dir, Inode child) {
        if (child instanceof FileNode file) {
            if (file.parent() == dir.id()) {
                tree.quotas().charge(dir.id(), -1, -file.length());
                file.setParent(0);
            }
        } else if (child.nlink() == 0) {
            tree.quotas().charge(dir.id(), -1, 0);
        }
    }

    /**
     * The inode goes, and its chunks with it: its last name went with no trash, or it was purged,
     * or its last holder released it. A file sessions still hold open stays until that last release.
     */
    void release(Inode child) {
        if (tree.holds().isHeld(child.id())) {
            return;
        }
        tree.remove(child);
        if (child instanceof FileNode file) {
            for (long chunkId : file.chunks()) {
                if (chunkId != 0) {
                    listener.onChunkUnreferenced(chunkId);
                }
            }
        }
    }
}
