package org.mfsj.tools.cmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mfsj.tools.MfsMain;

class MasterHandOverTest {
    @Test
    void aTimeoutBelowOneSecondIsRefusedWithTheOptionNamed() {
        assertThat(MasterHandOver.catchUpTimeout(5)).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> MasterHandOver.catchUpTimeout(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--timeout");
    }

    @Test
    void promoteDemoteAndAddRefuseABadTimeoutBeforeAskingAnyMaster() {
        PrintStream err = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            // port 1 on loopback: were any master asked, the error would name a connection instead
            assertThat(MfsMain.run("master", "promote", "--timeout", "0", "-H", "127.0.0.1:1", "127.0.0.1:2"))
                    .isNotZero();
            assertThat(MfsMain.run("master", "demote", "--timeout", "-3", "-H", "127.0.0.1:1")).isNotZero();
            assertThat(MfsMain.run("master", "add", "--timeout", "0", "-H", "127.0.0.1:1", "127.0.0.1:2")).isNotZero();
        } finally {
            System.setErr(err);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--timeout must be at least 1 second")
                .doesNotContain("connect");
    }
}
