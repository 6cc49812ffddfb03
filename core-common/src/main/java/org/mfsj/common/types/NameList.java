package org.mfsj.common.types;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Directory entries without attributes, packed as they travel: per entry the inode (u64), the
 * cookie (u64), the type code (u8), the name's byte count (u8) and the name's UTF-8 bytes, back to
 * back in one array. A listing of thousands of names is then one array and one index instead of an
 * object and a String per name, and a door that only passes names on (a FUSE readdir) copies each
 * name's bytes once, from here into its reply. Immutable once built.
 */
public final class NameList {
    /** inode, cookie, type, name length. */
    public static final int ENTRY_HEADER = 18;
    /** The longest name: what the master accepts, and what a u8 count holds. */
    public static final int MAX_NAME_BYTES = 255;
    public static final NameList EMPTY = new NameList(new byte[0], new int[0], 0);

    private static final int COOKIE_AT = 8;
    private static final int TYPE_AT = 16;
    private static final int LENGTH_AT = 17;
    private static final FileType[] BY_CODE = byCode();

    private final byte[] bytes;
    private final int[] starts;
    private final int size;

    private NameList(byte[] bytes, int[] starts, int size) {
        this.bytes = bytes;
        this.starts = starts;
        this.size = size;
    }

    /**
     * The {@code count} entries packed in {@code bytes} (kept, not copied), checked: every entry
     * whole, a known type, a name of 1 to 255 bytes without '/' or NUL, nothing left over.
     *
     * @throws IllegalArgumentException when any of that does not hold
     */
    public static NameList wrap(byte[] bytes, int count) {
        if (count < 0 || (long) count * (ENTRY_HEADER + 1) > bytes.length) {
            throw new IllegalArgumentException(count + " entries cannot fit in " + bytes.length + " bytes");
        }
        int[] starts = new int[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (bytes.length - at < ENTRY_HEADER + 1) {
                throw new IllegalArgumentException("entry " + i + " cut short at byte " + at);
            }
            starts[i] = at;
            int type = bytes[at + TYPE_AT];
            if (type <= 0 || type >= BY_CODE.length || BY_CODE[type] == null) {
                throw new IllegalArgumentException("entry " + i + ": unknown file type " + type);
            }
            int len = bytes[at + LENGTH_AT] & 0xFF;
            int name = at + ENTRY_HEADER;
            if (len == 0 || bytes.length - name < len) {
                throw new IllegalArgumentException("entry " + i + ": name of " + len + " bytes at byte " + name);
            }
            for (int j = name; j < name + len; j++) {
                if (bytes[j] == '/' || bytes[j] == 0) {
                    throw new IllegalArgumentException("entry " + i + ": name holds '/' or NUL");
                }
            }
            at = name + len;
        }
        if (at != bytes.length) {
            throw new IllegalArgumentException((bytes.length - at) + " bytes after the last entry");
        }
        return new NameList(bytes, starts, count);
    }

    /** The same entries as {@code entries} (their attributes left out). */
    public static NameList of(List<DirEntry> entries) {
        Builder b = new Builder(entries.size());
        for (DirEntry e : entries) {
            b.add(e.name(), e.inode(), e.type(), e.cookie());
        }
        return b.build();
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long inode(int i) {
        return longAt(bytes, start(i));
    }

    public long cookie(int i) {
        return longAt(bytes, start(i) + COOKIE_AT);
    }

    public FileType type(int i) {
        return BY_CODE[bytes[start(i) + TYPE_AT]];
    }

    public int nameLength(int i) {
        return bytes[start(i) + LENGTH_AT] & 0xFF;
    }

    /** Where entry {@code i}'s name starts in {@link #bytes()}. */
    public int nameAt(int i) {
        return start(i) + ENTRY_HEADER;
    }

    /** The packed entries, for copying names out of; never to be written. */
    public byte[] bytes() {
        return bytes;
    }

    public String name(int i) {
        return new String(bytes, nameAt(i), nameLength(i), StandardCharsets.UTF_8);
    }

    /** The index of the entry with {@code cookie}, or -1: cookies are in ascending order. */
    public int indexOf(long cookie) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long c = cookie(mid);
            if (c < cookie) {
                lo = mid + 1;
            } else if (c > cookie) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Every name, decoded when asked for (only a few callers need names as strings). */
    public List<String> names() {
        return new AbstractList<>() {
            @Override
            public String get(int i) {
                return name(i);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** These entries followed by {@code next}'s. */
    public NameList concat(NameList next) {
        if (next.size == 0) {
            return this;
        }
        if (size == 0) {
            return next;
        }
        byte[] b = Arrays.copyOf(bytes, bytes.length + next.bytes.length);
        System.arraycopy(next.bytes, 0, b, bytes.length, next.bytes.length);
        int[] s = Arrays.copyOf(starts, size + next.size);
        for (int i = 0; i < next.size; i++) {
            s[size + i] = next.starts[i] + bytes.length;
        }
        return new NameList(b, s, size + next.size);
    }

    /**
     * Big-endian, by hand: a listing's first pass runs mostly in the interpreter, where a VarHandle
     * or ByteBuffer access per field costs several times these few bytecodes.
     */
    private static long longAt(byte[] b, int at) {
        long v = 0;
        for (int k = at; k < at + Long.BYTES; k++) {
            v = (v << Byte.SIZE) | (b[k] & 0xFF);
        }
        return v;
    }

    private static void putLong(byte[] b, int at, long v) {
        long x = v;
        for (int k = at + Long.BYTES - 1; k >= at; k--) {
            b[k] = (byte) x;
            x >>>= Byte.SIZE;
        }
    }

    private static FileType[] byCode() {
        int max = 0;
        for (FileType t : FileType.values()) {
            max = Math.max(max, t.code());
        }
        FileType[] out = new FileType[max + 1];
        for (FileType t : FileType.values()) {
            out[t.code()] = t;
        }
        return out;
    }

    private int start(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("entry " + i + " of " + size);
        }
        return starts[i];
    }

    /** Packs entries one by one, in cookie order. */
    public static final class Builder {
        private byte[] bytes;
        private int[] starts;
        private int size;
        private int used;

        /** {@code expected}: about how many entries will come (the arrays grow past it). */
        public Builder(int expected) {
            bytes = new byte[Math.max(expected, 1) * (ENTRY_HEADER + 12)];
            starts = new int[Math.max(expected, 1)];
        }

        public Builder add(String name, long inode, FileType type, long cookie) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            if (n.length == 0 || n.length > MAX_NAME_BYTES) {
                throw new IllegalArgumentException("a name of " + n.length + " bytes cannot be listed");
            }
            int need = used + ENTRY_HEADER + n.length;
            if (need > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(need, bytes.length * 2));
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
            }
            starts[size++] = used;
            putLong(bytes, used, inode);
            putLong(bytes, used + COOKIE_AT, cookie);
            bytes[used + TYPE_AT] = (byte) type.code();
            bytes[used + LENGTH_AT] = (byte) n.length;
            System.arraycopy(n, 0, bytes, used + ENTRY_HEADER, n.length);
            used = need;
            return this;
        }

        /** How many bytes the entries so far take. */
        public int bytesUsed() {
            return used;
        }

        public int size() {
            return size;
        }

        public NameList build() {
            return new NameList(Arrays.copyOf(bytes, used), Arrays.copyOf(starts, size), size);
        }
    }
}
