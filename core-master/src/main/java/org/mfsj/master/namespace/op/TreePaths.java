package org.mfsj.master.namespace.op;

import java.util.ArrayList;
import java.util.List;
import org.mfsj.master.namespace.tree.Dentry;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.InodeTable;

/** Paths from the root, for what must remember where a file was (trash). */
public final class TreePaths {
    private TreePaths() {
    }

    /** The absolute path of {@code name} in {@code dir}. */
    public static String of(InodeTable tree, DirNode dir, String name) {
        List<String> parts = new ArrayList<>();
        parts.add(name);
        DirNode d = dir;
        while (d.id() != InodeTable.ROOT) {
            DirNode parent = tree.expect(d.parent(), DirNode.class);
            parts.add(nameIn(parent, d.id()));
            d = parent;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            sb.append('/').append(parts.get(i));
        }
        return sb.toString();
    }

    /** Splits an absolute path into its components ("/a/b" = [a, b]). */
    public static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    // a directory has one name, but no field for it: its parent's entries are searched
    private static String nameIn(DirNode parent, long child) {
        for (Dentry e : parent.entries()) {
            if (e.inode() == child) {
                return e.name();
            }
        }
        throw new IllegalStateException("directory " + child + " is not named in its parent " + parent.id());
    }
}
