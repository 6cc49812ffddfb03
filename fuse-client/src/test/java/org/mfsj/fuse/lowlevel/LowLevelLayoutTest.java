package org.mfsj.fuse.lowlevel;

import static org.assertj.core.api.Assertions.assertThat;

import jnr.ffi.Memory;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import org.junit.jupiter.api.Test;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.Flock;
import ru.serce.jnrfuse.struct.FuseFileInfo;

/**
 * The native layouts the mount relies on, against numbers measured on x86_64 Linux by compiling
 * offsetof/sizeof over libfuse 2.9.9's fuse_lowlevel.h and glibc's sys/stat.h and fcntl.h (the
 * CI machine has no libfuse headers to measure them again).
 */
class LowLevelLayoutTest {
    private final Runtime rt = Runtime.getSystemRuntime();

    @Test
    void lowLevelOpsTableHasLibfuseLayout() {
        LowLevelOps ops = new LowLevelOps(rt);
        assertThat(Struct.size(ops)).isEqualTo(328);
        assertThat(ops.lookup.offset()).isEqualTo(16);
        assertThat(ops.forget.offset()).isEqualTo(24);
        assertThat(ops.getattr.offset()).isEqualTo(32);
        assertThat(ops.create.offset()).isEqualTo(240);
        assertThat(ops.getlk.offset()).isEqualTo(248);
        assertThat(ops.setlk.offset()).isEqualTo(256);
        assertThat(ops.flock.offset()).isEqualTo(312);
    }

    @Test
    void fileInfoOffsetsAgreeWithJnrFuse() {
        FuseFileInfo fi = FuseFileInfo.of(Memory.allocateDirect(rt, 40, true));
        assertThat(fi.flags.offset()).isEqualTo(FileInfo.FLAGS);
        assertThat(fi.fh.offset()).isEqualTo(FileInfo.FH).isEqualTo(24);
        assertThat(fi.lock_owner.offset()).isEqualTo(FileInfo.LOCK_OWNER).isEqualTo(32);
        assertThat(FileInfo.BITS).isEqualTo(20);
        assertThat(FileInfo.FLOCK_RELEASE).isEqualTo(0x10);
    }

    @Test
    void statFieldsSitWhereStructStatHasThem() {
        FileStat st = FileStat.of(Memory.allocateDirect(rt, 256, true));
        assertThat(st.st_ino.offset()).isEqualTo(8);
        assertThat(st.st_nlink.offset()).isEqualTo(16);
        assertThat(st.st_mode.offset()).isEqualTo(24);
        assertThat(st.st_uid.offset()).isEqualTo(28);
        assertThat(st.st_size.offset()).isEqualTo(48);
        assertThat(st.st_atim.tv_sec.offset()).isEqualTo(72);
        assertThat(st.st_mtim.tv_sec.offset()).isEqualTo(88);
        assertThat(st.st_ctim.tv_sec.offset()).isEqualTo(104);
        // the entry parameter's timeouts follow a 144-byte struct stat
        assertThat(NativeBuffers.ENTRY_STAT + NativeBuffers.STAT_SIZE).isEqualTo(NativeBuffers.ENTRY_ATTR_TIMEOUT);
        assertThat(NativeBuffers.ENTRY_SIZE).isEqualTo(176);
    }

    @Test
    void flockHasGlibcLayout() {
        Flock fl = Flock.of(Memory.allocateDirect(rt, 32, true));
        assertThat(fl.l_type.offset()).isZero();
        assertThat(fl.l_whence.offset()).isEqualTo(2);
        assertThat(fl.l_start.offset()).isEqualTo(8);
        assertThat(fl.l_len.offset()).isEqualTo(16);
        assertThat(fl.l_pid.offset()).isEqualTo(24);
    }
}
