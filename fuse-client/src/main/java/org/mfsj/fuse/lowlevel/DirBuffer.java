package org.mfsj.fuse.lowlevel;

import jnr.ffi.Pointer;
import org.mfsj.common.types.FileType;

/**
 * A readdir answer: entries packed by fuse_add_direntry into at most the size the kernel asked
 * for, each with the offset to resume after it.
 */
public final class DirBuffer {
    private final Request r;
    private final Pointer mem;
    private final long size;
    private final NativeBuffers b = NativeBuffers.mine();
    private long used;

    public DirBuffer(Request r, long size) {
        this.r = r;
        this.size = size;
        this.mem = b.data(Math.max(size, 1));
    }

    /** Adds one entry; false (and nothing added) when it does not fit any more. */
    public boolean add(String name, long inode, FileType type, long nextOffset) {
        b.statStruct.st_ino.set(inode);
        b.statStruct.st_mode.set(StatFill.typeBits(type));
        // libfuse writes the entry only if it fits, and always answers the space it needs
        long need = r.lib().fuse_add_direntry(r.pointer(), mem.slice(used), size - used, name, b.stat, nextOffset);
        if (need > size - used) {
            return false;
        }
        used += need;
        return true;
    }

    Pointer memory() {
        return mem;
    }

    long used() {
        return used;
    }
}
