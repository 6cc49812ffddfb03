package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.ServerAddress;

/**
 * The keepalived scripts of {@code deploy/keepalived} against three real masters: the check keepalived
 * runs every second says yes on the leader's host only, follows a hand-over, a kill -9 and a frozen
 * leader (it gives up in time rather than hanging keepalived), and the notify script logs each VIP
 * move with the local master's role. The VIP follows the leader; it never chooses it.
 */
class KeepalivedScriptsIT {
    private static final Path SCRIPTS = Path.of("..", "deploy", "keepalived").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void theCheckSaysYesWhereTheLeaderIsAndNowhereElse() throws Exception {
        try (ClusterFixture f = new ClusterFixture(tmp.resolve("c"), List.of(), 3)) {
            MasterGroup group = new MasterGroup(f.cluster);
            String first = group.awaitLeader(null, Duration.ofSeconds(15));
            group.awaitInStep(Duration.ofSeconds(30));
            awaitCheckSays(f, first);

            String target = f.cluster.masterNames().stream().filter(n -> !n.equals(first)).findFirst().orElseThrow();
            MfsInJvm.Run promote = MfsInJvm.run("master", "promote", "-H", group.list(),
                    group.address(target).toString());
            assertThat(promote.exit()).as(promote.err()).isZero();
            awaitCheckSays(f, group.awaitLeader(first, Duration.ofSeconds(10)));

            f.cluster.kill9(target);
            String afterKill = group.awaitLeader(target, Duration.ofSeconds(10));
            awaitCheckSays(f, afterKill);

            f.cluster.pause(afterKill);
            try {
                // a hang would fail in check(): it runs the script with a deadline
                assertThat(check(f, afterKill)).as("the check on a frozen master").isFalse();
                String survivor = f.cluster.masterNames().stream()
                        .filter(n -> !n.equals(target) && !n.equals(afterKill)).findFirst().orElseThrow();
                f.cluster.start(target);
                assertThat(group.awaitLeader(afterKill, Duration.ofSeconds(20))).isIn(target, survivor);
            } finally {
                f.cluster.resume(afterKill);
            }
            group.awaitInStep(Duration.ofSeconds(30));
            String last = group.awaitLeader(null, Duration.ofSeconds(10));
            awaitCheckSays(f, last);
            assertThat(notifyLine(f, last)).isEqualTo("-t mfsmaster-vip VIP 10.9.8.7 is now MASTER here;"
                    + " the local master is leader");
            String follower = f.cluster.masterNames().stream().filter(n -> !n.equals(last)).findFirst().orElseThrow();
            assertThat(notifyLine(f, follower)).endsWith("is now MASTER here; the local master is not leader");
        }
    }

    /** Waits until the check script answers yes for {@code leader} and no for every other master. */
    private static void awaitCheckSays(ClusterFixture f, String leader) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        List<String> yes;
        do {
            yes = new ArrayList<>();
            for (String m : f.cluster.masterNames()) {
                if (check(f, m)) {
                    yes.add(m);
                }
            }
            if (yes.equals(List.of(leader))) {
                return;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the check says yes on " + yes + ", expected only on " + leader);
    }

    private static boolean check(ClusterFixture f, String master) throws Exception {
        ServerAddress a = f.cluster.masterAddresses().get(f.cluster.masterNames().indexOf(master));
        return Sh.run(SCRIPTS, Duration.ofSeconds(30), List.of("bash", SCRIPTS.resolve("check_mfsmaster.sh").toString(),
                a.host(), Integer.toString(a.port()))).exit() == 0;
    }

    /** What the notify script hands to logger when keepalived makes {@code master}'s host hold the VIP. */
    private String notifyLine(ClusterFixture f, String master) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path logged = tmp.resolve("logged-" + master);
        Path logger = bin.resolve("logger");
        Files.writeString(logger, "#!/bin/sh\necho \"$*\" > " + logged + "\n");
        Files.setPosixFilePermissions(logger, PosixFilePermissions.fromString("rwxr-xr-x"));
        ServerAddress a = f.cluster.masterAddresses().get(f.cluster.masterNames().indexOf(master));
        Sh.run(SCRIPTS, Duration.ofSeconds(30), List.of("env", "PATH=" + bin + ":" + System.getenv("PATH"),
                "MFS_MASTER_HOST=" + a.host(), "MFS_MASTER_PORT=" + a.port(), "VIRTUAL_IP=10.9.8.7", "bash",
                SCRIPTS.resolve("notify_mfsmaster.sh").toString(), "INSTANCE", "VI_MFS", "MASTER", "100")).ok();
        return Files.readString(logged).strip();
    }
}
