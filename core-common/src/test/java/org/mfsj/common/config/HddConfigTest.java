package org.mfsj.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HddConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsDisksAndRemovalMarks() throws ConfigException {
        List<HddEntry> disks = HddConfig.parse("mfshdd.cfg", List.of(
                "# disks of this chunkserver",
                "/mnt/hd1",
                "",
                "  */mnt/hd2  ",
                "* /mnt/hd3",
                "/mnt/disk with spaces/",
                "/mnt/hd4/./chunks/../"));

        assertThat(disks).containsExactly(
                new HddEntry(Path.of("/mnt/hd1"), false),
                new HddEntry(Path.of("/mnt/hd2"), true),
                new HddEntry(Path.of("/mnt/hd3"), true),
                new HddEntry(Path.of("/mnt/disk with spaces"), false),
                new HddEntry(Path.of("/mnt/hd4"), false));
    }

    @Test
    void relativePathNamesFileLineAndPath() {
        ConfigException e = failure("mfshdd.cfg", "/mnt/hd1", "# x", "mnt/hd2");
        assertThat(e).hasMessage("mfshdd.cfg:3: disk path must be absolute: 'mnt/hd2'");
        assertThat(e.file()).isEqualTo("mfshdd.cfg");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("mnt/hd2");
    }

    @Test
    void unsupportedMarkersAreNotHalfUnderstood() {
        assertThat(failure("mfshdd.cfg", "</mnt/hd1"))
                .hasMessage("mfshdd.cfg:1: disk path must be absolute: '</mnt/hd1'");
        assertThat(failure("mfshdd.cfg", "**/mnt/hd1"))
                .hasMessage("mfshdd.cfg:1: disk path must be absolute: '*/mnt/hd1'");
    }

    @Test
    void markWithoutPathIsAnError() {
        ConfigException e = failure("mfshdd.cfg", "/mnt/hd1", " * ");
        assertThat(e).hasMessage("mfshdd.cfg:2: '*' must be followed by a disk path");
        assertThat(e.key()).isNull();
    }

    @Test
    void duplicateDiskNamesBothLinesEvenWhenWrittenDifferently() {
        ConfigException e = failure("mfshdd.cfg", "/mnt/hd1", "/mnt/hd2", "*/mnt/hd1/");
        assertThat(e).hasMessage("mfshdd.cfg:3: duplicate disk '/mnt/hd1' (first listed on line 1)");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("/mnt/hd1/");
    }

    @Test
    void badPathCharacterIsAnError() {
        ConfigException e = failure("mfshdd.cfg", "/mnt/a\0b");
        assertThat(e.getMessage()).startsWith("mfshdd.cfg:1: bad disk path '/mnt/a\0b'");
    }

    @Test
    void missingFileMeansNoDisks() throws ConfigException {
        assertThat(HddConfig.load(dir.resolve("mfshdd.cfg"))).isEmpty();
    }

    @Test
    void loadsAFileAndNamesItsPathInErrors() throws IOException, ConfigException {
        Path file = dir.resolve(HddConfig.FILE_NAME);
        Files.writeString(file, "/data/a\n*/data/b\n");
        assertThat(HddConfig.load(file)).containsExactly(
                new HddEntry(Path.of("/data/a"), false), new HddEntry(Path.of("/data/b"), true));

        Files.writeString(file, "/data/a\n/data/a\n");
        ConfigException e = assertThrows(ConfigException.class, () -> HddConfig.load(file));
        assertThat(e).hasMessage(file + ":2: duplicate disk '/data/a' (first listed on line 1)");
    }

    @Test
    void unreadableFileIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> HddConfig.load(dir));
        assertThat(e.getMessage()).startsWith(dir + ": cannot read: ");
    }

    private static ConfigException failure(String name, String... lines) {
        return assertThrows(ConfigException.class, () -> HddConfig.parse(name, List.of(lines)));
    }
}
