package org.mfsj.fuse.lowlevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.NameList;
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

    @Test
    void packsAPackedPageAsItsNames() {
        String[] names = {"f0000001", "seven77", "exactly8", "ünïcødé name", "x".repeat(255)};
        NameList.Builder b = new NameList.Builder(names.length);
        for (int i = 0; i < names.length; i++) {
            b.add(names[i], 100 + i, FileType.values()[i], 3 + i);
        }
        NameList page = b.build();
        DirBuffer fromStrings = new DirBuffer(new byte[4096], 4096);
        DirBuffer fromPage = new DirBuffer(new byte[4096], 4096);
        for (int i = 0; i < names.length; i++) {
            assertThat(fromStrings.add(names[i], 100 + i, FileType.values()[i], 5 + i)).isTrue();
            assertThat(fromPage.add(page, i, 5 + i)).isTrue();
        }
        assertThat(fromPage.used()).isEqualTo(fromStrings.used());
        assertThat(Arrays.copyOf(fromPage.bytes(), fromPage.used()))
                .isEqualTo(Arrays.copyOf(fromStrings.bytes(), fromStrings.used()));
    }

    /**
     * A directory's block size sizes a program's getdents buffer (glibc) and so the kernel's READDIR
     * requests: 10,000 names fit one request (6 at 64 KiB), a small directory keeps 64 KiB.
     */
    @Test
    void aLargeDirectoryReportsABlockThatHoldsItsListing() {
        assertThat(StatFill.dirBlockSize(0)).isEqualTo(StatFill.BLOCK_SIZE);
        assertThat(StatFill.dirBlockSize(1000)).isEqualTo(StatFill.BLOCK_SIZE);
        assertThat(StatFill.dirBlockSize(10_000)).isEqualTo(512 << 10).isGreaterThanOrEqualTo(10_002 * 32);
        assertThat(StatFill.dirBlockSize(1_000_000)).isEqualTo(StatFill.MAX_DIR_BLOCK);
    }
}
