package org.mfsj.master.namespace.tree;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A map from positive long keys to values, open addressing with linear probing: two flat arrays
 * instead of a node and a boxed key per entry, which is most of what a file costs in a hash map.
 * Key 0 marks a free slot, so 0 cannot be stored (inode numbers start at 1).
 */
final class LongMap<V> {
    private static final int MIN_CAPACITY = 16;

    private long[] keys = new long[MIN_CAPACITY];
    private Object[] values = new Object[MIN_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        return (V) values[indexOf(key)];
    }

    /** The slot holding {@code key}, or the free slot where it would go. */
    private int indexOf(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != key && keys[i] != 0) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Stores {@code value} unless the key is taken; returns the value already there, or null. */
    @SuppressWarnings("unchecked")
    V putIfAbsent(long key, V value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0");
        }
        if ((size + 1) * 3 > keys.length * 2) {
            resize(keys.length * 2);
        }
        int i = indexOf(key);
        if (keys[i] == key) {
            return (V) values[i];
        }
        keys[i] = key;
        values[i] = value;
        size++;
        return null;
    }

    /**
     * Makes room for {@code count} keys at once. Whoever fills a map in another map's slot order
     * (an image load) must call this first: keys that arrive in the home-slot order of a table
     * more than half full pile up, in the smaller tables this one would grow through, into probe
     * runs of hundreds of thousands of slots (10M inodes took 190 s to load instead of 13).
     */
    void reserve(long count) {
        int capacity = keys.length;
        while (capacity < 1 << 30 && count * 3 > capacity * 2L) {
            capacity *= 2;
        }
        if (capacity > keys.length) {
            resize(capacity);
        }
    }

    /** Removes the key and returns its value (null if absent). */
    @SuppressWarnings("unchecked")
    V remove(long key) {
        int i = indexOf(key);
        if (keys[i] != key) {
            return null;
        }
        int mask = keys.length - 1;
        V old = (V) values[i];
        // backward shift: pull later entries of the probe run into the hole, so no tombstones
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = 0;
        values[hole] = null;
        size--;
        if (keys.length > MIN_CAPACITY && size * 8 < keys.length) {
            resize(keys.length / 2);
        }
        return old;
    }

    /** The values, in no particular order; a live view that must not be iterated while changing. */
    Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < keys.length && keys[i] == 0) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public V next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        V v = (V) values[next];
                        next = advance(next + 1);
                        return v;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private void resize(int capacity) {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[capacity];
        values = new Object[capacity];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = slot(oldKeys[j], mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    /** The longest run of taken slots: the worst probe a lookup can make (for tests). */
    int longestRun() {
        int longest = 0;
        int run = 0;
        // a run may wrap around the end: go round one and a bit times
        for (int j = 0; j < keys.length * 2; j++) {
            run = keys[j & (keys.length - 1)] != 0 ? run + 1 : 0;
            longest = Math.max(longest, Math.min(run, keys.length));
        }
        return longest;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
