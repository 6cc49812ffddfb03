package org.mfsj.chunkserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.config.ConfigException;

class ChunkserverConfigTest {
    @TempDir
    Path dir;

    @Test
    void everyKeyHasTheDocumentedDefault() {
        ChunkserverConfig c = ChunkserverConfig.defaults();
        assertThat(c.dataPath()).isEqualTo(Path.of("/var/lib/mfs"));
        assertThat(c.masterAddress().toString()).isEqualTo("mfsmaster:9420");
        assertThat(c.listenHost()).isEqualTo("*");
        assertThat(c.listensEverywhere()).isTrue();
        assertThat(c.listenPort()).isEqualTo(9422);
        assertThat(c.hddConfFile()).isEqualTo(Path.of("/etc/mfs/mfshdd.cfg"));
        assertThat(c.hddTestFreqSeconds()).isEqualTo(10);
        assertThat(c.masterReconnectionDelaySeconds()).isEqualTo(5);
        assertThat(c.workers()).isEqualTo(8);
    }

    @Test
    void fileValuesOverrideDefaults() throws Exception {
        Path cfg = dir.resolve("mfschunkserver.cfg");
        Files.writeString(cfg, """
                # a chunkserver
                DATA_PATH = /srv/mfs
                MASTER_HOST = 10.0.0.1
                MASTER_PORT = 19420
                CSSERV_LISTEN_HOST = 10.0.0.7
                CSSERV_LISTEN_PORT = 19422
                HDD_CONF_FILENAME = /srv/mfshdd.cfg
                HDD_TEST_FREQ = 0
                MASTER_RECONNECTION_DELAY = 2
                WORKERS = 3
                """);
        ChunkserverConfig c = ChunkserverConfig.load(cfg);
        assertThat(c).isEqualTo(new ChunkserverConfig(Path.of("/srv/mfs"), "10.0.0.1", 19420, "10.0.0.7", 19422,
                Path.of("/srv/mfshdd.cfg"), 0, 2, 3));
        assertThat(c.listensEverywhere()).isFalse();
    }

    @Test
    void theFsyncDelayIsReadAndAMisspeltKeyIsAnError() throws Exception {
        Path cfg = dir.resolve("mfschunkserver.cfg");
        Files.writeString(cfg, "CHUNK_FSYNC_DELAY_MS = 0\n");
        assertThat(ChunkserverConfig.load(cfg).chunkFsyncDelayMillis()).isZero();
        assertThat(ChunkserverConfig.defaults().chunkFsyncDelayMillis()).isEqualTo(3000);
        Files.writeString(cfg, "WORKERS = 8\nCHUNK_FSYNC_DELAY = 0\n");
        assertThatThrownBy(() -> ChunkserverConfig.load(cfg))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(cfg + ":2")
                .hasMessageContaining("CHUNK_FSYNC_DELAY");
        Files.writeString(cfg, "CHUNK_FSYNC_DELAY_MS = -1\n");
        assertThatThrownBy(() -> ChunkserverConfig.load(cfg)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("CHUNK_FSYNC_DELAY_MS");
    }

    @Test
    void aBadValueNamesFileLineAndKey() throws Exception {
        Path cfg = dir.resolve("mfschunkserver.cfg");
        Files.writeString(cfg, "WORKERS = 8\nMASTER_PORT = 0\n");
        assertThatThrownBy(() -> ChunkserverConfig.load(cfg))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(cfg + ":2")
                .hasMessageContaining("MASTER_PORT");
    }

    @Test
    void noDisksIsAnErrorNamingTheHddFile() throws Exception {
        Path hdd = dir.resolve("mfshdd.cfg");
        Files.writeString(hdd, "# nothing here yet\n");
        ChunkserverConfig c = new ChunkserverConfig(dir.resolve("data"), "127.0.0.1", 9420, "127.0.0.1", 0, hdd, 0,
                1, 1);
        assertThatThrownBy(() -> ChunkserverServer.start(c))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(hdd.toString())
                .hasMessageContaining("no disks");
        Path missing = dir.resolve("absent.cfg");
        assertThatThrownBy(() -> ChunkserverServer.start(new ChunkserverConfig(dir.resolve("data"), "127.0.0.1", 9420,
                "127.0.0.1", 0, missing, 0, 1, 1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing.toString());
    }
}
