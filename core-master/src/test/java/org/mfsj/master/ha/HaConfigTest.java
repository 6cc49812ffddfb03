package org.mfsj.master.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.master.MasterConfig;

class HaConfigTest {
    @TempDir
    Path dir;

    @Test
    void withoutPeersTheMasterIsSingleAsBefore() throws Exception {
        HaConfig ha = MasterConfig.defaults().ha();
        assertThat(ha.replicated()).isFalse();
        assertThat(ha.preferred()).isTrue();
        assertThat(ha.syncPort()).isEqualTo(9423);
    }

    @Test
    void theSeedsKeysNameTheOtherVotingMasters() throws Exception {
        Path f = dir.resolve("mfsmaster.cfg");
        Files.writeString(f, """
                MASTER_STATE = 0
                MASTER_HOST = mfsmaster1
                SLA_SYNC_WORKER_HOST_1 = 10.0.0.2
                SLA_SYNC_WORKER_PORT_1 = 9500
                SYNC_WORKER_HOST_1 = 10.0.0.3
                SYNC_THREAD_LISTEN_PORT = 9424
                VIRTUAL_IP = 10.0.0.100
                LOG_PATH = /var/log/mfsmaster.log
                CHUNK_HLIST_SIZE = 1024
                """);
        HaConfig ha = MasterConfig.load(f).ha();
        assertThat(ha.preferred()).isFalse();
        assertThat(ha.peers()).containsExactly(new ServerAddress("mfsmaster1", 9424),
                new ServerAddress("10.0.0.2", 9500), new ServerAddress("10.0.0.3", 9423));
        assertThat(ha.virtualIp()).isEqualTo("10.0.0.100");
        assertThat(ha.chunkHashSize()).isEqualTo(1024);
    }

    @Test
    void theWindowsAfterAMasterStartsToLeadAreKeysWithTheirRangeChecked() throws Exception {
        HaConfig defaults = MasterConfig.defaults().ha();
        assertThat(defaults.copiesPending()).isEqualTo(java.time.Duration.ofSeconds(15));
        assertThat(defaults.opensReport()).isEqualTo(java.time.Duration.ofSeconds(15));
        Path f = dir.resolve("mfsmaster.cfg");
        Files.writeString(f, "HA_COPIES_PENDING_TIME = 40\nHA_OPENS_REPORT_TIME = 0\n");
        HaConfig ha = MasterConfig.load(f).ha();
        assertThat(ha.copiesPending()).isEqualTo(java.time.Duration.ofSeconds(40));
        assertThat(ha.opensReport()).isZero();
        for (String bad : new String[] {"HA_COPIES_PENDING_TIME = 3601", "HA_OPENS_REPORT_TIME = -1",
                "HA_OPENS_REPORT_TIME = soon"}) {
            Files.writeString(f, bad + "\n");
            assertThatThrownBy(() -> MasterConfig.load(f)).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(bad.substring(0, bad.indexOf(' '))).hasMessageContaining(f.toString());
        }
    }

    @Test
    void aMisspeltKeyOrATwiceNamedMasterIsAnError() throws Exception {
        Path f = dir.resolve("mfsmaster.cfg");
        Files.writeString(f, "SLA_SYNC_WORKER_HOST1 = 10.0.0.2\n");
        assertThatThrownBy(() -> MasterConfig.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("SLA_SYNC_WORKER_HOST1");
        Files.writeString(f, "MASTER_HOST = 10.0.0.2:9423\nSYNC_WORKER_HOST_2 = 10.0.0.2\n");
        assertThatThrownBy(() -> MasterConfig.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("twice");
        Files.writeString(f, "MASTER_HOST = a:1,b:2\n");
        assertThatThrownBy(() -> MasterConfig.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("MASTER_HOST");
    }
}
