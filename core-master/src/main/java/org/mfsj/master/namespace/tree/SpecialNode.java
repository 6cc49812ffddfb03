package org.mfsj.master.namespace.tree;

import org.mfsj.common.types.FileType;

/** A FIFO, socket or device node: attributes only, plus a device number for devices. */
public final class SpecialNode extends Inode {
    private final FileType type;
    private final int rdev;

    public SpecialNode(long id, FileType type, int mode, int rdev, int uid, int gid, int goal, long nowNanos) {
        super(id, mode, uid, gid, goal, nowNanos);
        if (type == FileType.FILE || type == FileType.DIRECTORY || type == FileType.SYMLINK) {
            throw new IllegalArgumentException("not a special file type: " + type);
        }
        this.type = type;
        this.rdev = isDevice(type) ? rdev : 0;
    }

    public static boolean isDevice(FileType type) {
        return type == FileType.BLOCK_DEVICE || type == FileType.CHAR_DEVICE;
    }

    @Override
    public FileType type() {
        return type;
    }

    @Override
    public long length() {
        return 0;
    }

    @Override
    public int rdev() {
        return rdev;
    }
}
