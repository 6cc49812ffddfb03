package org.mfsj.fuse.lowlevel;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.Statvfs;

/**
 * One libfuse worker thread's native scratch memory for replies: every reply is sent before the
 * callback returns, so a thread never needs two of each at once.
 */
final class NativeBuffers {
    /** struct fuse_entry_param: ino at 0, generation at 8, struct stat at 16, two doubles at 160 and 168. */
    static final int ENTRY_SIZE = 176;
    static final int ENTRY_GENERATION = 8;
    static final int ENTRY_STAT = 16;
    static final int ENTRY_ATTR_TIMEOUT = 160;
    static final int ENTRY_ENTRY_TIMEOUT = 168;
    static final int STAT_SIZE = 144;
    static final int STATVFS_SIZE = 112;
    private static final ThreadLocal<NativeBuffers> MINE = ThreadLocal.withInitial(NativeBuffers::new);

    final Pointer entry;
    final FileStat entryStat;
    final Pointer stat;
    final FileStat statStruct;
    final Pointer statvfs;
    final Statvfs statvfsStruct;
    private Pointer data;
    private byte[] bytes = new byte[128 << 10];

    private NativeBuffers() {
        Runtime rt = Runtime.getSystemRuntime();
        entry = Memory.allocateDirect(rt, ENTRY_SIZE, true);
        entryStat = FileStat.of(entry.slice(ENTRY_STAT));
        stat = Memory.allocateDirect(rt, STAT_SIZE, true);
        statStruct = FileStat.of(stat);
        statvfs = Memory.allocateDirect(rt, STATVFS_SIZE, true);
        statvfsStruct = Statvfs.of(statvfs);
        data = Memory.allocateDirect(rt, bytes.length, true);
    }

    static NativeBuffers mine() {
        return MINE.get();
    }

    /** Native memory of at least {@code size} bytes. */
    Pointer data(long size) {
        if (data.size() < size) {
            data = Memory.allocateDirect(Runtime.getSystemRuntime(), size, true);
        }
        return data;
    }

    /** A Java array of at least {@code size} bytes. */
    byte[] bytes(int size) {
        if (bytes.length < size) {
            bytes = new byte[size];
        }
        return bytes;
    }
}
