package org.mfsj.fuse.lowlevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelReadAheadTest {
    @TempDir
    Path sys;

    @Test
    void writesTheWindowIntoTheDevicesKnob() throws Exception {
        Path dev = Files.createDirectories(sys.resolve("0:77"));
        Files.writeString(dev.resolve("read_ahead_kb"), "128");
        assertThat(new KernelReadAhead(sys).set("0:77", 4096)).isTrue();
        assertThat(Files.readString(dev.resolve("read_ahead_kb"))).isEqualTo("4096");
    }

    @Test
    void aDeviceItCannotTuneIsLeftAlone() {
        assertThat(new KernelReadAhead(sys).set("0:78", 4096)).isFalse();
        assertThat(sys.resolve("0:78")).doesNotExist();
    }
}
