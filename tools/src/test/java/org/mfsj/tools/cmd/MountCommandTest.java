package org.mfsj.tools.cmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** mfsmount's own flags, as MooseFS users type them, in any order around the mount point. */
class MountCommandTest {
    @TempDir
    Path tmp;

    private static MountCommand parse(String... args) {
        MountCommand c = new MountCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void mfsmountFlagsMapToOptions() throws Exception {
        Path cfg = tmp.resolve("mfsmount.cfg");
        Files.writeString(cfg, "# comment\nmfsmaster=m1\n\nmfsattrcacheto=2\n");
        MountCommand c = parse("-H", "h", "/mnt/mfs", "-n", "-c", cfg.toString(), "-o", "ro", "-d", "-S", "/sub");
        assertThat(c.mountpoint).isEqualTo(Path.of("/mnt/mfs"));
        assertThat(c.foreground).as("-d stays in the foreground").isTrue();
        assertThat(c.subfolder).isEqualTo("/sub");
        assertThat(c.allOptions()).containsExactly("mfsnostdmountoptions", "mfsmaster=m1", "mfsattrcacheto=2", "ro");
        assertThat(parse("/mnt/mfs", "-p").askPassword).isTrue();
    }

    @Test
    void metaFileSystemIsRefusedWithWhatToUseInstead() {
        assertThatThrownBy(() -> parse("-m", tmp.toString()).call()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mfs trash");
    }
}
