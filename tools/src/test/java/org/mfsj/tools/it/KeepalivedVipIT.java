package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.ServerAddress;

/**
 * Debian's keepalived with our sample configuration and check script, one per master host (each
 * host a network namespace on one bridge), in front of three real masters: the VIP sits on the
 * leader's host and on no other, and moves to the new leader's host after a kill -9. Needs root,
 * iproute2 and keepalived ({@code bin/test} installs it); skipped where namespaces cannot be made.
 */
class KeepalivedVipIT {
    private static final Path DEPLOY = Path.of("..", "deploy", "keepalived").toAbsolutePath().normalize();
    private static final String VIP = VipNetwork.SUBNET + "100";

    @TempDir
    Path tmp;

    @Test
    void theVipFollowsTheLeaderAndIsNeverOnTwoHosts() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/keepalived")), "keepalived is not installed");
        Assumptions.assumeTrue(VipNetwork.available(tmp), "network namespaces cannot be made here");
        try (ClusterFixture f = new ClusterFixture(tmp.resolve("c"), List.of(), 3);
                VipNetwork net = new VipNetwork(tmp, 3)) {
            MasterGroup group = new MasterGroup(f.cluster);
            List<Process> keepalived = new ArrayList<>();
            try {
                for (int i = 1; i <= 3; i++) {
                    keepalived.add(start(net, i, f.cluster.masterAddresses().get(i - 1)));
                }
                String leader = group.awaitLeader(null, Duration.ofSeconds(15));
                awaitVipOnlyOn(net, f.cluster.masterNames().indexOf(leader) + 1, Duration.ofSeconds(30));

                long killed = System.nanoTime();
                f.cluster.kill9(leader);
                String next = group.awaitLeader(leader, Duration.ofSeconds(15));
                awaitVipOnlyOn(net, f.cluster.masterNames().indexOf(next) + 1, Duration.ofSeconds(30));
                System.out.printf("keepalived: VIP on %s's host %d ms after kill -9 of %s%n", next,
                        (System.nanoTime() - killed) / 1_000_000, leader);
            } finally {
                for (Process p : keepalived) {
                    stop(p);
                }
            }
        }
    }

    /** keepalived on host {@code i} with the sample configuration, its check asking master {@code a}. */
    private Process start(VipNetwork net, int i, ServerAddress a) throws IOException {
        String enter = "/usr/bin/nsenter --net=/run/netns/" + net.rootName() + " /bin/bash ";
        String conf = Files.readString(DEPLOY.resolve("keepalived.conf.sample"))
                // the scripts live in a checkout here, which keepalived's script security would refuse
                .replace("    enable_script_security\n", "")
                .replace("/usr/local/lib/mfs/check_mfsmaster.sh 127.0.0.1 9421",
                        enter + DEPLOY.resolve("check_mfsmaster.sh") + " " + a.host() + " " + a.port())
                .replace("\"/usr/local/lib/mfs/notify_mfsmaster.sh\"", "\"/bin/true\"")
                .replace("priority 100", "priority " + (100 + i))
                .replace("192.0.2.100/24", VIP + "/24");
        assertThat(conf).as("the sample still has the lines this test adapts").contains(DEPLOY.toString())
                .contains(VIP).doesNotContain("/usr/local/lib/mfs");
        Path dir = Files.createDirectories(tmp.resolve("keepalived" + i));
        Files.writeString(dir.resolve("keepalived.conf"), conf);
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + net.host(i), "/usr/sbin/keepalived",
                "-n", "-l", "-D", "-f", dir.resolve("keepalived.conf").toString()));
        for (String pid : List.of("-p", "-r", "-c", "-b")) {
            cmd.addAll(List.of(pid, dir.resolve("pid" + pid).toString()));
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    }

    private void awaitVipOnlyOn(VipNetwork net, int host, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Integer> holders;
        do {
            holders = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                if (net.holds(tmp, i, VIP)) {
                    holders.add(i);
                }
            }
            assertThat(holders).as("hosts holding the VIP at once").hasSizeLessThan(2);
            if (holders.equals(List.of(host))) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the VIP is on hosts " + holders + ", not on the leader's host " + host + " after "
                + timeout.toSeconds() + " s; keepalived logs in " + tmp);
    }

    private static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
