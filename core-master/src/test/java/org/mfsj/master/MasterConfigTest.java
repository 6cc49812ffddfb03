package org.mfsj.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.config.ConfigException;

class MasterConfigTest {
    @TempDir
    Path dir;

    @Test
    void noFileGivesTheMooseFsDefaults() throws Exception {
        MasterConfig c = MasterConfig.load(dir.resolve("absent.cfg"));
        assertThat(c).isEqualTo(MasterConfig.defaults());
        assertThat(c.chunkserverPort()).isEqualTo(9420);
        assertThat(c.clientPort()).isEqualTo(9421);
        assertThat(c.defaultGoal()).isEqualTo(2);
        assertThat(c.replicationsDelayInit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.chunksLoopTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.sessionSustainTime()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void valuesFromTheFileAreTypedWithTheirUnits() throws Exception {
        Path f = dir.resolve("mfsmaster.cfg");
        Files.writeString(f, """
                # a local cluster
                MATOCL_LISTEN_HOST = 127.0.0.1
                MATOCL_LISTEN_PORT = 0
                REPLICATIONS_DELAY_DISCONNECT = 5
                CHUNKS_LOOP_TIME = 250
                CHUNKS_WRITE_REP_LIMIT = 7
                """);
        MasterConfig c = MasterConfig.load(f);
        assertThat(c.clientHost()).isEqualTo("127.0.0.1");
        assertThat(c.clientPort()).isZero();
        assertThat(c.replicationsDelayDisconnect()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.chunksLoopTime()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.writeReplicationLimit()).isEqualTo(7);
    }

    @Test
    void aBadValueNamesFileLineAndKey() throws Exception {
        Path f = dir.resolve("mfsmaster.cfg");
        Files.writeString(f, "DEFAULT_GOAL = 2\nDEFAULT_GOAL_TYPO = 3\n");
        assertThatThrownBy(() -> MasterConfig.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("mfsmaster.cfg:2").hasMessageContaining("DEFAULT_GOAL_TYPO");
        Files.writeString(f, "DEFAULT_GOAL = 12\n");
        assertThatThrownBy(() -> MasterConfig.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("DEFAULT_GOAL");
    }
}
