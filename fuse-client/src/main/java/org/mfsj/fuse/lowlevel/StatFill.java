package org.mfsj.fuse.lowlevel;

import org.mfsj.common.types.Attr;
import org.mfsj.common.types.FileType;
import ru.serce.jnrfuse.struct.FileStat;

/** Our attributes in the kernel's stat layout. */
public final class StatFill {
    public static final int BLOCK_SIZE = 65536;
    /**
     * The largest block size a directory reports: glibc sizes its getdents buffer from a directory's
     * st_blksize (32 KiB to 1 MiB), and the kernel sizes its READDIR request from that buffer (up to
     * the request size agreed at INIT, 1 MiB).
     */
    static final int MAX_DIR_BLOCK = 1 << 20;
    /** A directory entry as getdents and FUSE pack it, for a name of up to about 24 bytes. */
    private static final int DIRENT_BYTES = 48;
    private static final long NANOS = 1_000_000_000L;

    private StatFill() {
    }

    public static void fill(Attr a, FileStat st) {
        st.st_ino.set(a.inode());
        st.st_mode.set(typeBits(a.type()) | a.mode());
        st.st_nlink.set(a.nlink());
        st.st_uid.set(a.uid());
        st.st_gid.set(a.gid());
        st.st_rdev.set(a.rdev());
        st.st_size.set(a.length());
        st.st_blksize.set(a.type() == FileType.DIRECTORY ? dirBlockSize(a.length()) : BLOCK_SIZE);
        st.st_blocks.set((a.length() + 511) / 512);
        st.st_atim.tv_sec.set(Math.floorDiv(a.atimeNanos(), NANOS));
        st.st_atim.tv_nsec.set(Math.floorMod(a.atimeNanos(), NANOS));
        st.st_mtim.tv_sec.set(Math.floorDiv(a.mtimeNanos(), NANOS));
        st.st_mtim.tv_nsec.set(Math.floorMod(a.mtimeNanos(), NANOS));
        st.st_ctim.tv_sec.set(Math.floorDiv(a.ctimeNanos(), NANOS));
        st.st_ctim.tv_nsec.set(Math.floorMod(a.ctimeNanos(), NANOS));
    }

    /**
     * The block size of a directory of {@code entries} names: room for all of them, so a program
     * listing it (readdir(3), ls, os.scandir) reads it in one READDIR request and the empty one that
     * ends it, where 64 KiB made a request per 2,000 names; a small directory keeps 64 KiB, so its
     * listings do not allocate large buffers in the program and the kernel.
     */
    static int dirBlockSize(long entries) {
        long want = Math.max(entries, 0) * DIRENT_BYTES;
        if (want <= BLOCK_SIZE) {
            return BLOCK_SIZE;
        }
        return (int) Math.min(MAX_DIR_BLOCK, Long.highestOneBit(want - 1) << 1);
    }

    public static int typeBits(FileType t) {
        return switch (t) {
            case FILE -> FileStat.S_IFREG;
            case DIRECTORY -> FileStat.S_IFDIR;
            case SYMLINK -> FileStat.S_IFLNK;
            case FIFO -> FileStat.S_IFIFO;
            case BLOCK_DEVICE -> FileStat.S_IFBLK;
            case CHAR_DEVICE -> FileStat.S_IFCHR;
            case SOCKET -> FileStat.S_IFSOCK;
        };
    }

    /** The kind a mknod mode asks for; a mode without type bits makes a regular file, as mknod(2) does. */
    public static FileType typeOf(long mode) {
        int t = (int) mode & FileStat.S_IFMT;
        return switch (t) {
            case 0, FileStat.S_IFREG -> FileType.FILE;
            case FileStat.S_IFDIR -> FileType.DIRECTORY;
            case FileStat.S_IFLNK -> FileType.SYMLINK;
            case FileStat.S_IFIFO -> FileType.FIFO;
            case FileStat.S_IFBLK -> FileType.BLOCK_DEVICE;
            case FileStat.S_IFCHR -> FileType.CHAR_DEVICE;
            case FileStat.S_IFSOCK -> FileType.SOCKET;
            default -> null;
        };
    }
}
