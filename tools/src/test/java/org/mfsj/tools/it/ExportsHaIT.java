package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.tools.cluster.LocalCluster;

/**
 * Exports are replicated state (master HA): three masters with different mfsexports.cfg files
 * admit the same clients whichever leads. The most recently edited file wins at a leadership, a
 * leader with an older copy keeps the cluster's, and SIGHUP to the leader pushes its edited file.
 */
class ExportsHaIT {
    private static final String BASE = "127.0.0.1 / rw\n";

    /** Kept when the test fails: the masters' logs under c/log say why. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private static void export(Path dir, String master, String extraDir, Instant edited) throws Exception {
        Path file = dir.resolve("etc/exports-" + master + ".cfg");
        Files.writeString(file, BASE + "127.0.0.1 /" + extraDir + " rw\n");
        Files.setLastModifiedTime(file, FileTime.from(edited));
        Path cfg = dir.resolve("etc/mfs" + master + ".cfg");
        Files.writeString(cfg, Files.readString(cfg).replaceAll("(?m)^EXPORTS_FILENAME = .*$",
                "EXPORTS_FILENAME = " + file.toString().replace("\\", "\\\\")));
    }

    private static ClientConfig at(ClusterFixture fx, String subdir) {
        return ClientConfig.of(fx.cluster.masterAddresses()).withSubdir(subdir).withClientInfo("exports-ha it");
    }

    private static boolean admitted(ClusterFixture fx, String subdir) {
        try (MfsClient c = MfsClient.connect(at(fx, subdir))) {
            return c.rootInode() > 0;
        } catch (MfsException e) {
            assertThat(e.status()).as(e.getMessage()).isEqualTo(Status.EACCES);
            assertThat(e.getMessage()).contains("no export of '" + subdir + "'").contains("the cluster's exports");
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void promote(MasterGroup group, String name) {
        MfsInJvm.Run r = MfsInJvm.run("master", "promote", "-H", group.list(), group.address(name).toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
    }

    @Test
    void theNewestEditIsEveryMastersExportsAcrossFailoverAndHandOver() throws Exception {
        Path dir = tmp.resolve("c");
        new LocalCluster(dir, new PrintStream(PrintStream.nullOutputStream()), List.of(), false, 3);
        Instant now = Instant.now();
        export(dir, "master1", "a", now.minus(Duration.ofHours(1)));
        export(dir, "master2", "b", now.minus(Duration.ofHours(2)));
        export(dir, "master3", "b", now.minus(Duration.ofHours(2)));
        try (ClusterFixture fx = new ClusterFixture(dir, List.of(), 3)) {
            MasterGroup group = new MasterGroup(fx.cluster);
            if (!group.awaitLeader(null, Duration.ofSeconds(20)).equals("master1")) {
                promote(group, "master1");
            }
            MfsClient admin = fx.client();
            for (String d : List.of("a", "b", "c")) {
                admin.mkdir(ClusterFixture.ROOT, admin.rootInode(), d, 0755);
            }
            assertThat(admitted(fx, "/a")).isTrue();
            assertThat(admitted(fx, "/b")).as("master1's newer file is the cluster's").isFalse();

            fx.cluster.kill9("master1");
            String next = group.awaitLeader("master1", Duration.ofSeconds(60));
            assertThat(admitted(fx, "/a")).as("%s leads with an older file of its own", next).isTrue();
            assertThat(admitted(fx, "/b")).isFalse();

            // both survivors get the edit and the SIGHUP: on a loaded machine leadership may still move
            // between them after the kill, and whichever leads must push its file
            Instant edited = Instant.now();
            for (String m : List.of("master2", "master3")) {
                export(dir, m, "c", edited);
                assertThat(fx.cluster.hangUp(m)).as("%s can see the SIGHUP", m).isTrue();
            }
            ClusterFixture.await("SIGHUP to " + next + " makes its edited file the cluster's", Duration.ofSeconds(60),
                    () -> admitted(fx, "/c"));
            assertThat(admitted(fx, "/a")).isFalse();

            fx.cluster.start("master1");
            group.awaitInStep(Duration.ofSeconds(60));
            promote(group, "master1");
            assertThat(group.awaitLeader(null, Duration.ofSeconds(10))).isEqualTo("master1");
            assertThat(admitted(fx, "/c")).as("master1's file is older than the cluster's now").isTrue();
            assertThat(admitted(fx, "/a")).isFalse();
        }
    }
}
