package org.mfsj.tools.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterEnvTest {
    @TempDir
    Path tmp;

    @Test
    void writesShellLinesAndReadsThemBack() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("MFS_MASTER_HOST", "127.0.0.1");
        m.put("MFS_MASTER_PORT", "9421");
        Path f = tmp.resolve("cluster.env");
        new ClusterEnv(m).write(f);

        assertThat(Files.readAllLines(f)).contains("MFS_MASTER_HOST=127.0.0.1", "MFS_MASTER_PORT=9421");
        ClusterEnv back = ClusterEnv.read(f);
        assertThat(back.get("MFS_MASTER_PORT")).contains("9421");
        assertThat(back.get("NFS_PORT")).isEmpty();
    }

    @Test
    void layoutKeepsEverythingUnderOneFolder() {
        ClusterLayout l = new ClusterLayout(tmp.resolve("c"));
        assertThat(l.pidFile("master")).isEqualTo(tmp.resolve("c/run/master.pid"));
        assertThat(l.logFile("chunkserver2")).isEqualTo(tmp.resolve("c/log/chunkserver2.log"));
        assertThat(l.envFile()).isEqualTo(tmp.resolve("c/cluster.env"));
    }
}
