package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.tools.cluster.ClusterEnv;
import org.mfsj.tools.cluster.DaemonProcess;
import org.mfsj.tools.cluster.LocalCluster;

/** What {@code mfs up} / {@code mfs down} promise: one cluster per folder, restart what is missing. */
class LocalClusterIT {
    @TempDir
    Path tmp;

    private LocalCluster cluster;

    @AfterEach
    void down() {
        if (cluster != null) {
            cluster.down();
        }
    }

    @Test
    void upTwiceStartsNothingNewAndUpAfterAKillRestartsOnlyTheDeadProcess() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cluster = new LocalCluster(tmp.resolve("c"), new PrintStream(out, true), List.of(), false);
        cluster.up(Duration.ofSeconds(90));
        Map<String, Long> pids = pids();
        assertThat(pids).hasSize(4).doesNotContainValue(-1L);
        assertThat(Files.readString(tmp.resolve("c/run/master.pid")).strip()).isEqualTo(pids.get("master").toString());
        ClusterEnv env = ClusterEnv.read(tmp.resolve("c/cluster.env"));
        assertThat(env.get("MFS_MASTER_PORT")).contains(String.valueOf(cluster.masterAddress().port()));
        assertThat(Files.readString(tmp.resolve("c/log/master.log"))).contains("master ready");

        cluster.up(Duration.ofSeconds(90));
        assertThat(pids()).isEqualTo(pids);
        assertThat(out.toString()).contains("cluster already running");

        String victim = LocalCluster.chunkserverName(2);
        cluster.kill9(victim);
        assertThat(cluster.daemon(victim).isRunning()).isFalse();
        cluster.up(Duration.ofSeconds(90));
        Map<String, Long> after = pids();
        assertThat(after.get(victim)).isNotEqualTo(pids.get(victim)).isNotEqualTo(-1L);
        after.remove(victim);
        pids.remove(victim);
        assertThat(after).isEqualTo(pids);

        // a second launcher on the same folder sees the same cluster, not a new one
        LocalCluster again = new LocalCluster(tmp.resolve("c"), new PrintStream(PrintStream.nullOutputStream()),
                List.of(), false);
        assertThat(again.masterAddress()).isEqualTo(cluster.masterAddress());

        cluster.down();
        for (String name : pids.keySet()) {
            assertThat(cluster.daemon(name).isRunning()).as(name + " after down").isFalse();
            assertThat(tmp.resolve("c/run/" + name + ".pid")).doesNotExist();
        }
        for (long pid : pids.values()) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void aFailedUpSaysWhyAndLeavesNothingRunning() throws Exception {
        cluster = new LocalCluster(tmp.resolve("busy"), new PrintStream(PrintStream.nullOutputStream()), List.of(),
                false);
        // someone else holds the master's client port: the master cannot start
        try (java.net.ServerSocket squatter = new java.net.ServerSocket()) {
            squatter.bind(new java.net.InetSocketAddress("127.0.0.1", cluster.masterAddress().port()));
            assertThatThrownBy(() -> cluster.up(Duration.ofSeconds(60)))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("master exited")
                    .hasMessageContaining("master.log");
        }
        for (String name : pids().keySet()) {
            assertThat(cluster.daemon(name).isRunning()).as(name + " after a failed up").isFalse();
        }
    }

    private Map<String, Long> pids() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String name : new String[] {LocalCluster.MASTER, LocalCluster.chunkserverName(1),
                LocalCluster.chunkserverName(2), LocalCluster.chunkserverName(3)}) {
            DaemonProcess d = cluster.daemon(name);
            m.put(name, d.handle().map(ProcessHandle::pid).orElse(-1L));
        }
        return m;
    }
}
