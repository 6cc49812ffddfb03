package org.mfsj.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mfsj.common.config.SampleKeys.DATA_PATH;
import static org.mfsj.common.config.SampleKeys.HDD_LEAVE_SPACE;
import static org.mfsj.common.config.SampleKeys.LOCK_MEMORY;
import static org.mfsj.common.config.SampleKeys.MASTER_HOST;
import static org.mfsj.common.config.SampleKeys.MASTER_PORT;
import static org.mfsj.common.config.SampleKeys.SCHEMA;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void parsesKeysCommentsBlanksAndLooseSpacing() throws ConfigException {
        Config config = ConfigLoader.parse("mfschunkserver.cfg", List.of(
                "# chunkserver settings",
                "",
                "   ",
                "MASTER_HOST=master one # not a comment",
                "  # indented comment",
                "\tMASTER_PORT   =  9500  ",
                "DATA_PATH = /srv/mfs=data",
                "LOCK_MEMORY =yes"), SCHEMA);

        assertThat(config.get(MASTER_HOST)).isEqualTo("master one # not a comment");
        assertThat(config.get(MASTER_PORT)).isEqualTo(9500);
        assertThat(config.get(DATA_PATH)).isEqualTo(Path.of("/srv/mfs=data"));
        assertThat(config.get(LOCK_MEMORY)).isTrue();
        assertThat(config.isSet(HDD_LEAVE_SPACE)).isFalse();
        assertThat(config.get(HDD_LEAVE_SPACE)).isEqualTo(256L << 20);
        assertThat(config.source()).isEmpty();
    }

    @Test
    void emptyValueIsAnEmptyString() throws ConfigException {
        Config config = ConfigLoader.parse("x.cfg", List.of("MASTER_HOST ="), SCHEMA);
        assertThat(config.get(MASTER_HOST)).isEmpty();
        assertThat(config.isSet(MASTER_HOST)).isTrue();
    }

    @Test
    void unknownKeyNamesFileLineAndKey() {
        ConfigException e = parseFailure("mfsmaster.cfg", "# x", "", "MASTER_PORT = 1",
                "MATOCS_LISTEN_PROT = 9420");
        assertThat(e).hasMessage("mfsmaster.cfg:4: unknown key 'MATOCS_LISTEN_PROT'");
        assertThat(e.file()).isEqualTo("mfsmaster.cfg");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).isEqualTo("MATOCS_LISTEN_PROT");
    }

    @Test
    void keysAreCaseSensitive() {
        assertThat(parseFailure("x.cfg", "master_port = 1"))
                .hasMessage("x.cfg:1: unknown key 'master_port'");
    }

    @Test
    void badValueNamesFileLineKeyValueAndReason() {
        ConfigException e = parseFailure("mfschunkserver.cfg", "MASTER_HOST = m", "", "MASTER_PORT = abc");
        assertThat(e).hasMessage(
                "mfschunkserver.cfg:3: bad value for MASTER_PORT: 'abc' (expected an integer from 1 to 65535)");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("MASTER_PORT");
        assertThat(e).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outOfRangeAndBadFlagAreBadValues() {
        assertThat(parseFailure("x.cfg", "MASTER_PORT = 0"))
                .hasMessage("x.cfg:1: bad value for MASTER_PORT: '0' (expected an integer from 1 to 65535)");
        assertThat(parseFailure("x.cfg", "LOCK_MEMORY = maybe"))
                .hasMessage("x.cfg:1: bad value for LOCK_MEMORY: 'maybe' "
                        + "(expected 0/1, yes/no, true/false or on/off)");
        assertThat(parseFailure("x.cfg", "DATA_PATH ="))
                .hasMessage("x.cfg:1: bad value for DATA_PATH: '' (expected a path)");
    }

    @Test
    void lineWithoutEqualsOrKeyIsMalformed() {
        ConfigException e = parseFailure("x.cfg", "", "", "", "", "", "", "  foo  ");
        assertThat(e).hasMessage("x.cfg:7: line is not KEY = VALUE: 'foo'");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.key()).isNull();
        assertThat(parseFailure("x.cfg", "= 5")).hasMessage("x.cfg:1: line is not KEY = VALUE: '= 5'");
        assertThat(parseFailure("x.cfg", "MASTER PORT = 5"))
                .hasMessage("x.cfg:1: line is not KEY = VALUE: 'MASTER PORT = 5'");
    }

    @Test
    void duplicateKeyNamesBothLines() {
        ConfigException e = parseFailure("x.cfg", "MASTER_PORT = 1", "# again", "MASTER_PORT = 1");
        assertThat(e).hasMessage("x.cfg:3: duplicate key 'MASTER_PORT' (first set on line 1)");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("MASTER_PORT");
    }

    @Test
    void missingFileGivesAllDefaults() throws ConfigException {
        Config config = ConfigLoader.load(dir.resolve("absent/mfschunkserver.cfg"), SCHEMA);
        assertThat(config.get(MASTER_PORT)).isEqualTo(9420);
        assertThat(config.get(MASTER_HOST)).isEqualTo("mfsmaster");
        assertThat(SCHEMA.keys()).noneMatch(config::isSet);
        assertThat(config.source()).isEmpty();
    }

    @Test
    void loadsAFileAndRemembersIt() throws IOException, ConfigException {
        Path file = dir.resolve("mfschunkserver.cfg");
        Files.writeString(file, "\uFEFFMASTER_PORT = 9777\r\n# c\r\nLOCK_MEMORY = on\r\n");
        Config config = ConfigLoader.load(file, SCHEMA);
        assertThat(config.get(MASTER_PORT)).isEqualTo(9777);
        assertThat(config.get(LOCK_MEMORY)).isTrue();
        assertThat(config.source()).contains(file);
    }

    @Test
    void errorsInALoadedFileNameItsPath() throws IOException {
        Path file = dir.resolve("mfschunkserver.cfg");
        Files.writeString(file, "MASTER_PORT = 9777\nHDD_LEAVE_SPACE = lots\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, SCHEMA))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2: bad value for HDD_LEAVE_SPACE: 'lots' "
                        + "(expected an integer from 0 to 9223372036854775807)");
    }

    @Test
    void unreadableFileIsAnError() {
        // A directory exists but cannot be read as lines; unlike a missing file it is not ignored.
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigLoader.load(dir, SCHEMA));
        assertThat(e.getMessage()).startsWith(dir + ": cannot read: ");
        assertThat(e.file()).isEqualTo(dir.toString());
        assertThat(e.line()).isZero();
        assertThat(e.key()).isNull();
    }

    @Test
    void fileThatIsNotUtf8IsAnError() throws IOException {
        Path file = dir.resolve("latin1.cfg");
        Files.write(file, new byte[] {'#', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> ConfigLoader.load(file, SCHEMA))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": cannot read: not UTF-8 text");
    }

    private static ConfigException parseFailure(String name, String... lines) {
        return org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(name, List.of(lines), SCHEMA));
    }
}
