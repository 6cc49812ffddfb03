package org.mfsj.fuse.lowlevel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.NameList;

/**
 * A readdir answer: entries packed, as the kernel's struct fuse_dirent, into at most the size the
 * kernel asked for, each with the offset to resume after it. Packed here in Java and handed to
 * libfuse in one copy: a native fuse_add_direntry call per entry cost more than the entry itself.
 */
public final class DirBuffer {
    /** struct fuse_dirent: u64 ino, u64 off, u32 namelen, u32 type, then the name, padded to 8 bytes. */
    static final int HEADER = 24;
    private static final int NAMELEN_AT = 16;
    private static final int TYPE_AT = 20;
    private static final int ALIGN = 8;
    /** The type is the S_IFMT bits of the mode, shifted down (what libfuse's fuse_add_dirent does). */
    private static final int TYPE_SHIFT = 12;

    private final byte[] bytes;
    private final ByteBuffer view;
    private final int size;
    private int used;

    public DirBuffer(long size) {
        this(NativeBuffers.mine().bytes((int) Math.min(Math.max(size, 1), Integer.MAX_VALUE)), size);
    }

    DirBuffer(byte[] into, long size) {
        this.bytes = into;
        this.size = (int) Math.min(size, into.length);
        this.view = ByteBuffer.wrap(into).order(ByteOrder.nativeOrder());
    }

    /** Adds one entry; false (and nothing added) when it does not fit any more. */
    public boolean add(String name, long inode, FileType type, long nextOffset) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return add(n, 0, n.length, inode, type, nextOffset);
    }

    /** Adds entry {@code i} of {@code names}, its name copied straight from the packed page. */
    public boolean add(NameList names, int i, long nextOffset) {
        return add(names.bytes(), names.nameAt(i), names.nameLength(i), names.inode(i), names.type(i), nextOffset);
    }

    private boolean add(byte[] name, int at, int length, long inode, FileType type, long nextOffset) {
        int entry = (HEADER + length + ALIGN - 1) & -ALIGN;
        if (entry > size - used) {
            return false;
        }
        view.putLong(used, inode);
        view.putLong(used + ALIGN, nextOffset);
        view.putInt(used + NAMELEN_AT, length);
        view.putInt(used + TYPE_AT, StatFill.typeBits(type) >>> TYPE_SHIFT);
        System.arraycopy(name, at, bytes, used + HEADER, length);
        Arrays.fill(bytes, used + HEADER + length, used + entry, (byte) 0);
        used += entry;
        return true;
    }

    byte[] bytes() {
        return bytes;
    }

    int used() {
        return used;
    }
}
