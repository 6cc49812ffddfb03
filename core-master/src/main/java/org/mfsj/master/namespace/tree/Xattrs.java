package org.mfsj.master.namespace.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extended attributes of one inode. Sorted by name so that listings, images and replays all see
 * the same order. Values are copied in and out: a caller's array must never alias the tree.
 */
public final class Xattrs {
    private final Map<String, byte[]> values = new TreeMap<>();

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** A copy of the value, or null when absent. */
    public byte[] get(String name) {
        byte[] v = values.get(name);
        return v == null ? null : v.clone();
    }

    public void put(String name, byte[] value) {
        values.put(name, value.clone());
    }

    /** Returns whether the name was present. */
    public boolean remove(String name) {
        return values.remove(name) != null;
    }

    public List<String> names() {
        return new ArrayList<>(values.keySet());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
