package org.mfsj.tools.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.ServerAddress;

class ClusterConfigWriterTest {
    @TempDir
    Path dir;

    /** Only the port bookkeeping is under test here; the door itself never runs. */
    private record PortsOnlyDoor(String name, List<String> portKeys) implements Door {
        @Override
        public void writeConfig(ClusterLayout layout, Properties ports, ServerAddress master) {
        }

        @Override
        public List<String> arguments(ClusterLayout layout) {
            return List.of();
        }

        @Override
        public boolean isReady(ClusterLayout layout, Properties ports) {
            return false;
        }

        @Override
        public String describe(ClusterLayout layout, Properties ports) {
            return "";
        }
    }

    @Test
    void aDoorAddedLaterGetsNewDistinctPortsAndEarlierPortsStay() throws IOException {
        ClusterLayout layout = new ClusterLayout(dir);
        Properties first = new ClusterConfigWriter(layout, 3).ensure(List.of());
        assertThat(first.stringPropertyNames()).doesNotContain("s3.http");

        Properties second = new ClusterConfigWriter(layout, 3)
                .ensure(List.of(new PortsOnlyDoor("s3", List.of("s3.http", "s3.https"))));

        for (String key : first.stringPropertyNames()) {
            assertThat(second.getProperty(key)).as(key).isEqualTo(first.getProperty(key));
        }
        assertThat(second.getProperty("s3.http")).isNotNull();
        assertThat(new HashSet<>(second.values())).as("every port distinct").hasSize(second.size());
        Properties reread = new Properties();
        try (var in = Files.newBufferedReader(layout.config("cluster.ports"))) {
            reread.load(in);
        }
        assertThat(reread).isEqualTo(second);
    }

    @Test
    void portsOfADoorAreKeptAcrossStarts() throws IOException {
        ClusterLayout layout = new ClusterLayout(dir);
        List<Door> doors = List.of(new PortsOnlyDoor("nfs", List.of("nfs.nfs", "nfs.mount")));
        Properties first = new ClusterConfigWriter(layout, 3).ensure(doors);
        Properties again = new ClusterConfigWriter(layout, 3).ensure(doors);
        assertThat(again).isEqualTo(first);
    }
}
