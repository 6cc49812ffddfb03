package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.fuse.MountTable;
import org.mfsj.tools.MfsMain;
import org.mfsj.tools.cluster.LocalCluster;
import org.mfsj.tools.cluster.doors.MountDoor;

/**
 * The FUSE mount of a cluster with three voting masters: it is given every master, so it carries
 * on when the leader dies, and {@code mfs down} then removes it and stops every process, even with
 * a master dead or the mount's own process killed.
 */
class FuseMasterFailoverIT {
    @TempDir
    Path tmp;

    @Test
    void writesAndReadsThroughTheMountGoOnAfterTheLeaderIsKilled() throws Exception {
        try (ClusterFixture fx = new ClusterFixture(tmp.resolve("c"), List.of(new MountDoor()), 3)) {
            LocalCluster cluster = fx.cluster;
            Path mp = MountDoor.mountpoint(cluster.layout());
            assertThat(mountLine(mp)).as("the mount names every master").contains(String.join(";",
                    cluster.masterAddresses().stream().map(ServerAddress::toString).toList()));
            Sh.bash(mp, "echo before-the-kill > before.txt").ok();
            // written by another client: the mount has neither its bytes nor where its chunks are
            byte[] early = fx.writeFile("early.bin", 3_000_000, 11, 2);

            String leader = new MasterGroup(cluster).awaitLeader(null, Duration.ofSeconds(10));
            cluster.kill9(leader);
            // read at once: the new leader learns where the copies are as the chunkservers register
            assertThat(Sh.bash(mp, "sha256sum early.bin").ok().out()).as("a file read through the mount right after"
                    + " the kill").startsWith(HexFormat.of().formatHex(early) + " ");
            Path local = tmp.resolve("local.bin");
            Sh.bash(tmp, "head -c 3000000 /dev/urandom > " + local).ok();
            Sh.bash(mp, "cp " + local + " after.bin").ok();
            assertThat(Sh.bash(mp, "cat before.txt && cmp " + local + " after.bin && echo same").ok().out())
                    .isEqualTo("before-the-kill\nsame\n");
            assertThat(fx.readDigest(fx.inodeOf("after.bin"))).as("the file written after the kill, read by another"
                    + " client").isEqualTo(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(local)));

            assertThat(cluster.down()).as("failures of down").isEmpty();
            assertNothingLeft(cluster, mp);
        }
    }

    @Test
    void downRemovesTheMountAndStopsEverythingWithTheMountsMasterAndProcessDead() throws Exception {
        try (ClusterFixture fx = new ClusterFixture(tmp.resolve("c"), List.of(new MountDoor()), 3)) {
            LocalCluster cluster = fx.cluster;
            Path mp = MountDoor.mountpoint(cluster.layout());
            Sh.bash(mp, "echo x > f").ok();
            // the first master is the one the mount tried first; SIGKILL of the mount leaves its
            // mount point behind, "transport endpoint is not connected"
            cluster.kill9(cluster.masterNames().get(0));
            cluster.kill9(MountDoor.NAME);
            assertThat(MountTable.isStale(mp)).as("stale mount before down").isTrue();

            int exit = MfsMain.run("down", cluster.layout().dir().toString());

            assertThat(exit).as("exit status of mfs down").isZero();
            assertNothingLeft(cluster, mp);
        }
    }

    private static void assertNothingLeft(LocalCluster cluster, Path mp) {
        assertThat(MountTable.isMounted(mp)).as(mp + " still mounted").isFalse();
        for (String name : List.of(MountDoor.NAME, LocalCluster.chunkserverName(1), LocalCluster.chunkserverName(2),
                LocalCluster.chunkserverName(3))) {
            assertThat(cluster.daemon(name).isRunning()).as(name + " still running").isFalse();
        }
        for (String name : cluster.masterNames()) {
            assertThat(cluster.daemon(name).isRunning()).as(name + " still running").isFalse();
        }
    }

    private static String mountLine(Path mp) throws Exception {
        return Files.readAllLines(Path.of("/proc/mounts")).stream().filter(l -> l.contains(" " + mp + " "))
                .findFirst().orElseThrow(() -> new AssertionError(mp + " is not mounted"));
    }
}
