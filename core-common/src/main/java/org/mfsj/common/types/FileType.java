package org.mfsj.common.types;

/** Kinds of inode; the code is stable on the wire and on disk. */
public enum FileType {
    FILE(1),
    DIRECTORY(2),
    SYMLINK(3),
    FIFO(4),
    BLOCK_DEVICE(5),
    CHAR_DEVICE(6),
    SOCKET(7);

    private final int code;

    FileType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FileType fromCode(int code) {
        for (FileType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown file type " + code);
    }
}
