package org.mfsj.tools.cmd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.tools.MfsMain;

/** A daemon with a bad config stops at once and says which file, line and key. */
class DaemonConfigTest {
    @TempDir
    Path tmp;

    @Test
    void aMisspeltMasterKeyNamesFileLineAndKey() throws Exception {
        Path cfg = tmp.resolve("mfsmaster.cfg");
        Files.writeString(cfg, "# test\nMATOCS_LISTEN_PORT = 0\nMATOCS_LISTEN_PROT = 9420\n");
        Run r = run("master", "-c", cfg.toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("mfsmaster.cfg:3").contains("MATOCS_LISTEN_PROT");
    }

    @Test
    void aBadChunkserverValueNamesTheKeyAndWhatIsExpected() throws Exception {
        Path cfg = tmp.resolve("mfschunkserver.cfg");
        Files.writeString(cfg, "MASTER_PORT = abc\n");
        Run r = run("chunkserver", "-c", cfg.toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("mfschunkserver.cfg:1").contains("MASTER_PORT").contains("abc");
    }

    @Test
    void aConfigFileNamedWithDashCMustExist() {
        Run r = run("master", "-c", tmp.resolve("missing.cfg").toString());
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err).contains("missing.cfg").contains("no such config file");
    }

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            int exit = MfsMain.run(args);
            return new Run(exit, err.toString());
        } finally {
            System.setErr(saved);
        }
    }
}
