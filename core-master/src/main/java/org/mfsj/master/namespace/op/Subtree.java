package org.mfsj.master.namespace.op;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Predicate;
import org.mfsj.master.namespace.tree.Dentry;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/** The walk the recursive attribute ops (setgoal, settrashtime) share. */
final class Subtree {
    private Subtree() {
    }

    /**
     * Offers {@code top}, and with {@code recursive} everything below it, to {@code change};
     * returns how many nodes it changed. Iterative, in cookie order: deep trees must not overflow
     * the stack, and replay must visit nodes in the same order as the live run.
     */
    static int change(InodeTable tree, long top, boolean recursive, Predicate<Inode> change) {
        Deque<Inode> todo = new ArrayDeque<>();
        todo.push(tree.expect(top, Inode.class));
        int changed = 0;
        while (!todo.isEmpty()) {
            Inode n = todo.pop();
            if (recursive && n instanceof DirNode dir) {
                for (Dentry d : dir.entries()) {
                    todo.push(tree.expect(d.inode(), Inode.class));
                }
            }
            if (change.test(n)) {
                changed++;
            }
        }
        return changed;
    }
}
