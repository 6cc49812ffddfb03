package org.mfsj.fuse.lowlevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.FileType;
import ru.serce.jnrfuse.struct.FileStat;

/** Our packing of directory entries against libfuse's own fuse_add_direntry, byte for byte. */
class DirBufferTest {
    private final Runtime rt = Runtime.getSystemRuntime();
    private final LibFuse2 lib = LibFuse2.load();

    @Test
    void packsEntriesAsLibfuseDoes() {
        int size = 4096;
        DirBuffer ours = new DirBuffer(new byte[size], size);
        Pointer theirs = Memory.allocateDirect(rt, size, true);
        Pointer stat = Memory.allocateDirect(rt, NativeBuffers.STAT_SIZE, true);
        FileStat st = FileStat.of(stat);
        String[] names = {".", "..", "f0000001", "seven77", "exactly8", "ünïcødé name", "x".repeat(255)};
        FileType[] types = {FileType.DIRECTORY, FileType.FILE, FileType.SYMLINK, FileType.FIFO, FileType.SOCKET,
            FileType.CHAR_DEVICE, FileType.BLOCK_DEVICE};
        long used = 0;
        for (int i = 0; i < names.length; i++) {
            long inode = 0x1_0000_0000L + i;
            long next = 3 + i * 1000L;
            FileType t = types[i];
            assertThat(ours.add(names[i], inode, t, next)).as(names[i]).isTrue();
            st.st_ino.set(inode);
            st.st_mode.set(StatFill.typeBits(t));
            used += lib.fuse_add_direntry(null, theirs.slice(used), size - used, names[i], stat, next);
        }
        assertThat(ours.used()).isEqualTo((int) used);
        byte[] expected = new byte[(int) used];
        theirs.get(0, expected, 0, expected.length);
        assertThat(Arrays.copyOf(ours.bytes(), ours.used())).isEqualTo(expected);
    }

    @Test
    void refusesAnEntryThatDoesNotFitAndKeepsWhatIsThere() {
        DirBuffer small = new DirBuffer(new byte[4096], 64);
        assertThat(small.add("abcdefgh", 5, FileType.FILE, 3)).isTrue();
        assertThat(small.used()).isEqualTo(32);
        assertThat(small.add("a-longer-name", 6, FileType.FILE, 4)).as("needs 40 of the 32 left").isFalse();
        assertThat(small.used()).isEqualTo(32);
        assertThat(small.add("short", 7, FileType.FILE, 4)).as("needs 32").isTrue();
        assertThat(small.used()).isEqualTo(64);
    }
}
