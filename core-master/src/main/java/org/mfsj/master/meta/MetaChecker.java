package org.mfsj.master.meta;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.chunks.ChunkIds;
import org.mfsj.master.namespace.tree.Dentry;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.FileNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;

/**
 * A full consistency check of a metadata state: every inode reachable from the root exactly as
 * often as its link count says, every directory named once and by its parent, no cycles, every
 * chunk a file names known and counted with as many references as slots name it, every trash
 * entry an unnamed inode, and the inode and chunk counters past every number in use. Returns
 * the problems found (none = consistent). Reads only.
 */
public final class MetaChecker {
    private static final int MAX_REPORTED = 100;

    private final MetaState state;
    private final List<String> problems = new ArrayList<>();

    private MetaChecker(MetaState state) {
        this.state = state;
    }

    public static List<String> check(MetaState state) {
        MetaChecker c = new MetaChecker(state);
        c.run();
        return c.problems;
    }

    private void run() {
        InodeTable tree = state.namespace().tree();
        Map<Long, Integer> names = new HashMap<>();
        Map<Long, Integer> slots = new HashMap<>();
        Inode rootNode = tree.all().stream().filter(n -> n.id() == InodeTable.ROOT).findFirst().orElse(null);
        if (!(rootNode instanceof DirNode root)) {
            problem("no root directory");
            return;
        }
        if (root.parent() != InodeTable.ROOT) {
            problem("root's parent is " + root.parent());
        }
        walk(tree, root, names);
        long maxId = 0;
        for (Inode n : tree.all()) {
            maxId = Math.max(maxId, n.id());
            int seen = names.getOrDefault(n.id(), 0);
            if (tree.holds().isHeld(n.id()) && seen == 0) {
                if (n.nlink() != 0 || !(n instanceof FileNode)) {
                    problem("inode " + n.id() + " is held open with no name but has link count " + n.nlink());
                }
            } else if (tree.trash().contains(n.id())) {
                if (seen != 0 || n.nlink() != 0) {
                    problem("inode " + n.id() + " is in trash but has " + seen + " names and link count " + n.nlink());
                }
            } else if (n.id() != InodeTable.ROOT && seen == 0) {
                problem("inode " + n.id() + " is not reachable from the root");
            } else if (!n.isDirectory() && seen != n.nlink()) {
                problem("inode " + n.id() + " has link count " + n.nlink() + " but " + seen + " names");
            }
            if (n instanceof DirNode d) {
                checkDir(tree, d);
            } else if (n instanceof FileNode f) {
                for (long id : f.chunks()) {
                    if (id != 0) {
                        slots.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
        if (tree.nextId() <= maxId) {
            problem("next inode number " + tree.nextId() + " is not past inode " + maxId);
        }
        for (long held : tree.holds().all().keySet()) {
            if (!(tree.find(held) instanceof FileNode)) {
                problem("held open inode " + held + " is not a file in the tree");
            }
        }
        for (var e : tree.trash().entries()) {
            try {
                tree.expect(e.inode(), Inode.class);
            } catch (IllegalStateException ex) {
                problem("trash entry '" + e.path() + "' names missing inode " + e.inode());
            }
        }
        checkChunks(slots);
    }

    private void walk(InodeTable tree, DirNode root, Map<Long, Integer> names) {
        Deque<DirNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            DirNode d = todo.pop();
            for (Dentry e : d.entries()) {
                int count = names.merge(e.inode(), 1, Integer::sum);
                Inode child;
                try {
                    child = tree.expect(e.inode(), Inode.class);
                } catch (IllegalStateException ex) {
                    problem("directory " + d.id() + " names missing inode " + e.inode() + " as '" + e.name() + "'");
                    continue;
                }
                if (child instanceof DirNode sub) {
                    if (count > 1) {
                        problem("directory " + sub.id() + " has more than one name (or a cycle)");
                        continue;
                    }
                    if (sub.parent() != d.id()) {
                        problem("directory " + sub.id() + " is named in " + d.id() + " but its parent is "
                                + sub.parent());
                    }
                    todo.push(sub);
                }
            }
        }
    }

    private void checkDir(InodeTable tree, DirNode d) {
        int subdirs = 0;
        for (Dentry e : d.entries()) {
            if (e.cookie() >= d.nextCookie()) {
                problem("directory " + d.id() + " entry '" + e.name() + "' has cookie " + e.cookie()
                        + " not below the next cookie " + d.nextCookie());
            }
            try {
                if (tree.expect(e.inode(), Inode.class).isDirectory()) {
                    subdirs++;
                }
            } catch (IllegalStateException ex) {
                // reported by the walk
            }
        }
        if (d.nlink() != 2 + subdirs) {
            problem("directory " + d.id() + " has link count " + d.nlink() + " but " + subdirs + " subdirectories");
        }
    }

    private void checkChunks(Map<Long, Integer> slots) {
        long maxChunk = 0;
        for (Map.Entry<Long, Integer> e : slots.entrySet()) {
            Chunk c = state.chunks().get(e.getKey());
            if (c == null) {
                problem("chunk " + ChunkIds.hex(e.getKey()) + " is in a file but unknown to the registry");
            } else if (!c.referenced()) {
                problem("chunk " + ChunkIds.hex(e.getKey()) + " is in a file but marked unreferenced");
            }
            if (c != null && e.getValue() != c.refs()) {
                problem("chunk " + ChunkIds.hex(e.getKey()) + " is in " + e.getValue() + " file slots but counts "
                        + c.refs() + " references");
            }
        }
        for (Chunk c : state.chunks().all()) {
            maxChunk = Math.max(maxChunk, c.id());
        }
        if (Long.compareUnsigned(state.chunks().nextId(), maxChunk) <= 0 && maxChunk != 0) {
            problem("next chunk id " + ChunkIds.hex(state.chunks().nextId()) + " is not past chunk "
                    + ChunkIds.hex(maxChunk));
        }
    }

    private void problem(String p) {
        if (problems.size() < MAX_REPORTED) {
            problems.add(p);
        }
    }
}
