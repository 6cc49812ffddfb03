package org.mfsj.master.namespace.tree;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * A directory's names, findable by name and listable in cookie order, in flat arrays: an
 * open-addressing table of entries by name hash, and the entries in the order they were linked
 * (cookies only grow, so that order is cookie order) with the cookies beside them for binary
 * search. A removed name leaves a hole in the order that a later compaction closes. This is a
 * few references per name where a hash map plus a tree map cost about a hundred bytes.
 */
final class DirEntries {
    private static final Dentry[] NONE = new Dentry[0];
    private static final long[] NO_COOKIES = new long[0];

    private Dentry[] table = NONE;
    private int size;
    private Dentry[] order = NONE;
    private long[] cookies = NO_COOKIES;
    private int length;
    private int holes;

    int size() {
        return size;
    }

    Dentry find(String name) {
        return size == 0 ? null : table[indexOf(name)];
    }

    /** The slot holding {@code name}, or the free slot where it would go; the table must not be empty. */
    private int indexOf(String name) {
        int mask = table.length - 1;
        int i = spread(name) & mask;
        while (table[i] != null && !table[i].name().equals(name)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Adds {@code d}, whose cookie must be above every cookie added before; false if the name is taken. */
    boolean add(Dentry d) {
        if ((size + 1) * 3 > table.length * 2) {
            rehash(Math.max(4, table.length * 2));
        }
        int i = indexOf(d.name());
        if (table[i] != null) {
            return false;
        }
        if (length > 0 && cookies[length - 1] >= d.cookie()) {
            throw new IllegalStateException("cookie " + d.cookie() + " not above " + cookies[length - 1]);
        }
        table[i] = d;
        size++;
        if (length == order.length) {
            int cap = Math.max(2, length + (length >> 1) + 1);
            order = Arrays.copyOf(order, cap);
            cookies = Arrays.copyOf(cookies, cap);
        }
        order[length] = d;
        cookies[length] = d.cookie();
        length++;
        return true;
    }

    /** Removes the entry named {@code name} and returns it (null if absent). */
    Dentry remove(String name) {
        if (size == 0) {
            return null;
        }
        int i = indexOf(name);
        Dentry d = table[i];
        if (d == null) {
            return null;
        }
        int mask = table.length - 1;
        int hole = i;
        for (int j = (i + 1) & mask; table[j] != null; j = (j + 1) & mask) {
            int home = spread(table[j].name()) & mask;
            boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = null;
        size--;
        order[indexOf(d.cookie())] = null;
        holes++;
        if (holes > 8 && holes * 2 > length) {
            compact();
        }
        if (size == 0) {
            table = NONE;
            order = NONE;
            cookies = NO_COOKIES;
            length = 0;
            holes = 0;
        }
        return d;
    }

    /** Entries with a cookie above {@code cookie}, in cookie order; a live view. */
    Collection<Dentry> after(long cookie) {
        int from = Arrays.binarySearch(cookies, 0, length, cookie);
        return view(from >= 0 ? from + 1 : -from - 1);
    }

    /**
     * Hands {@code each} the first {@code max} entries with a cookie above {@code cookie}, in cookie
     * order; true when more follow. One call per entry from a plain array walk: a listing's loop runs
     * in the interpreter for a fresh master's first listings (10,000 iterations is below the JIT's
     * loop threshold), where an iterator's two calls per entry and the caller's own cost several
     * times the work, while the one method called here is compiled within a listing.
     */
    boolean forEachAfter(long cookie, int max, Consumer<Dentry> each) {
        int from = Arrays.binarySearch(cookies, 0, length, cookie);
        int given = 0;
        for (int i = from >= 0 ? from + 1 : -from - 1; i < length; i++) {
            Dentry d = order[i];
            if (d != null) {
                if (given == max) {
                    return true;
                }
                each.accept(d);
                given++;
            }
        }
        return false;
    }

    Collection<Dentry> all() {
        return view(0);
    }

    private Collection<Dentry> view(int from) {
        return new AbstractCollection<>() {
            @Override
            public Iterator<Dentry> iterator() {
                return new Iterator<>() {
                    private int next = skip(from);

                    @Override
                    public boolean hasNext() {
                        return next < length;
                    }

                    @Override
                    public Dentry next() {
                        if (next >= length) {
                            throw new NoSuchElementException();
                        }
                        Dentry d = order[next];
                        next = skip(next + 1);
                        return d;
                    }
                };
            }

            @Override
            public int size() {
                int n = 0;
                for (int i = skip(from); i < length; i = skip(i + 1)) {
                    n++;
                }
                return n;
            }
        };
    }

    private int skip(int from) {
        int i = from;
        while (i < length && order[i] == null) {
            i++;
        }
        return i;
    }

    private int indexOf(long cookie) {
        int i = Arrays.binarySearch(cookies, 0, length, cookie);
        if (i < 0 || order[i] == null) {
            throw new IllegalStateException("cookie " + cookie + " not in the listing");
        }
        return i;
    }

    private void compact() {
        int w = 0;
        for (int r = 0; r < length; r++) {
            if (order[r] != null) {
                order[w] = order[r];
                cookies[w] = cookies[r];
                w++;
            }
        }
        Arrays.fill(order, w, length, null);
        length = w;
        holes = 0;
        if (order.length > 2 * length + 2) {
            order = Arrays.copyOf(order, length + (length >> 1) + 1);
            cookies = Arrays.copyOf(cookies, order.length);
        }
    }

    /**
     * Scatters the string hash over the table: names that differ in their last characters (f1,
     * f2, ... as untar and benchmarks make them) have neighbouring hashes, which the low bits alone
     * kept next to each other, in runs that every probe and every removal walked (2,500 such names:
     * an insert passed 33 taken slots and a lookup read 6; scattered, 1.3 and 1.6).
     */
    private static int spread(String name) {
        int h = name.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void rehash(int capacity) {
        Dentry[] old = table;
        table = new Dentry[capacity];
        int mask = capacity - 1;
        for (Dentry d : old) {
            if (d != null) {
                int i = spread(d.name()) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = d;
            }
        }
    }
}
