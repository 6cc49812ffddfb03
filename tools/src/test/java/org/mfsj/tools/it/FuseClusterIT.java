package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.Attr;
import org.mfsj.fuse.MountTable;
import org.mfsj.tools.cluster.LocalCluster;
import org.mfsj.tools.cluster.doors.MountDoor;

/**
 * Mounts and the cluster behind them: two mounts of one cluster (the one 'mfs up' starts and one
 * more) seeing each other's files and locks, a chunkserver killed during a copy, and the master
 * going away and coming back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FuseClusterIT {
    private static final int IO_TIMEOUT_S = 5;

    @TempDir
    static Path tmp;

    private static ClusterFixture fx;
    private static Path a;
    private static MountProcess b;

    @BeforeAll
    static void mount() throws Exception {
        fx = new ClusterFixture(tmp.resolve("cluster"), List.of(new MountDoor()));
        a = MountDoor.mountpoint(fx.cluster.layout());
        b = MountProcess.start(tmp.resolve("b"), fx.cluster.masterAddress(), "mfsiotimeout=" + IO_TIMEOUT_S);
    }

    @AfterAll
    static void unmount() throws Exception {
        try {
            if (b != null) {
                b.close();
            }
        } finally {
            if (fx != null) {
                fx.close();
            }
            assertThat(MountTable.isMounted(a)).as("door mount left behind").isFalse();
        }
    }

    @Test
    @Order(1)
    void writtenAndClosedOnOneMountReadsIdenticalOnTheOther() throws Exception {
        Path local = tmp.resolve("data");
        Sh.bash(tmp, "head -c 12345678 /dev/urandom > data").ok();
        Sh.bash(a, "mkdir shared && cp " + local + " shared/f").ok();
        Sh.bash(b.path(), "cmp " + local + " shared/f").ok();
        Sh.bash(b.path(), "echo from-b > shared/g && mv shared/f shared/f2").ok();
        assertThat(Sh.bash(a, "cat shared/g && cmp " + local + " shared/f2 && echo same").ok().out())
                .isEqualTo("from-b\nsame\n");
        Sh.bash(a, "head -c 1000 /dev/urandom > shared/g").ok();
        assertThat(Sh.bash(b.path(), "wc -c < shared/g").ok().out().strip())
                .as("size of a file rewritten on the other mount, at the next open").isEqualTo("1000");
    }

    /**
     * The kernel keeps listings (and the mount a directory's attributes from its own changes'
     * answers): what this mount changes shows at once, what the other mount changes shows once
     * the timeouts (1 s) have passed.
     */
    @Test
    @Order(2)
    void listingsAndDirectoryTimesShowOwnChangesAtOnceAndTheOtherMountsAfterTheTimeouts() throws Exception {
        Sh.bash(a, "mkdir listed && touch listed/one listed/two").ok();
        assertThat(Sh.bash(a, "ls listed; ls listed").ok().out()).isEqualTo("one\ntwo\none\ntwo\n");
        String own = Sh.bash(a, String.join("\n",
                "t0=$(stat -c %y listed)",
                "touch listed/four && rm listed/two",
                "t1=$(stat -c %y listed)",
                "ls listed",
                "[ \"$t0\" != \"$t1\" ] && echo directory-time-moved")).ok().out();
        assertThat(own).isEqualTo("four\none\ndirectory-time-moved\n");
        Sh.bash(b.path(), "touch listed/three && rm listed/one").ok();
        String other = Sh.bash(a, "sleep 2; ls listed; ls listed").ok().out();
        assertThat(other).as("the other mount's changes, listed after the timeouts")
                .isEqualTo("four\nthree\nfour\nthree\n");
    }

    @Test
    @Order(3)
    void aLockHeldOnOneMountExcludesTheOther() throws Exception {
        Sh.bash(a, "echo x > shared/locked").ok();
        String out = Sh.bash(tmp, String.join("\n",
                "flock -x " + a.resolve("shared/locked") + " -c 'touch " + tmp.resolve("held") + "; sleep 4' &",
                "for i in $(seq 50); do test -e held && break; sleep 0.1; done",
                "flock -n -s " + b.path("shared/locked") + " true && echo b-granted || echo b-refused",
                "flock -w 30 -x " + b.path("shared/locked") + " true && echo b-granted-after-release",
                "wait")).ok().out();
        assertThat(out.lines().toList()).containsExactly("b-refused", "b-granted-after-release");
    }

    @Test
    @Order(4)
    void copyCompletesIdenticalThroughAChunkserverKill() throws Exception {
        Sh.bash(tmp, "head -c 150000000 /dev/urandom > big").ok();
        Files.createDirectory(a.resolve("goal2"));
        Attr dir = fx.client().resolve(ClusterFixture.ROOT, "/goal2");
        fx.client().setGoal(ClusterFixture.ROOT, dir.inode(), 2, false);
        Process cp = new ProcessBuilder("cp", tmp.resolve("big").toString(), a.resolve("goal2/big").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("cp.out").toFile()).start();
        try {
            ClusterFixture.await("a quarter of the copy written", Duration.ofSeconds(120),
                    () -> size(a.resolve("goal2/big")) > 40_000_000 || !cp.isAlive());
            fx.cluster.kill9(LocalCluster.chunkserverName(1));
            assertThat(cp.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("cp finished").isTrue();
            assertThat(cp.exitValue()).as("cp exit; output: %s", Files.readString(tmp.resolve("cp.out"))).isZero();
        } finally {
            cp.destroyForcibly();
        }
        Sh.bash(tmp, "cmp big " + a.resolve("goal2/big")).ok();
        Sh.bash(tmp, "cmp big " + b.path("goal2/big")).ok();
        fx.cluster.start(LocalCluster.chunkserverName(1));
        fx.cluster.waitReady(Duration.ofSeconds(60));
    }

    @Test
    @Order(5)
    void withTheMasterGoneCallsFailInTimeAndWorkAgainWhenItReturns() throws Exception {
        fx.cluster.stop(LocalCluster.MASTER);
        // the shell runs outside the mount: even entering it needs the master
        Sh.Result gone = Sh.bash(tmp, "cd " + b.path() + " && stat never-seen-name; ls -l " + b.path()
                + " > /dev/null; touch " + b.path("new-file"));
        assertThat(gone.exit()).isNotZero();
        assertThat(gone.out()).containsAnyOf("Connection timed out", "Input/output error");
        assertThat(b.isAlive()).isTrue();
        fx.cluster.start(LocalCluster.MASTER);
        fx.cluster.waitReady(Duration.ofSeconds(60));
        ClusterFixture.await("mount b answers again", Duration.ofSeconds(60),
                () -> quietly(() -> Sh.bash(tmp, "touch " + b.path("after") + " && ls " + b.path("after")).exit() == 0));
        assertThat(Sh.bash(a, "ls after").ok().out()).contains("after");
    }

    /**
     * libfuse 2 alone gets 128 KiB requests; the mount answers INIT so that kernels from 4.20 on
     * send up to 1 MiB. Counted by the mount itself: four 1 MiB write(2) calls are four FUSE
     * writes (libfuse 2's limit would make them 32).
     */
    @Test
    @Order(5)
    void aMebibyteWriteReachesTheMountAsOneRequest() throws Exception {
        Assumptions.assumeTrue(kernelAtLeast(4, 20),
                "kernel " + System.getProperty("os.version") + " takes no FUSE request above 128 KiB");
        MountProcess c = MountProcess.start(tmp.resolve("c"), fx.cluster.masterAddress());
        try {
            Sh.bash(tmp, "head -c 4194304 /dev/urandom > four && dd if=four of=" + c.path("four")
                    + " bs=1M conv=fsync status=none && cmp four " + c.path("four")).ok();
        } finally {
            // the mount logs its calls per operation when it is unmounted
            c.close();
        }
        assertThat(c.logText()).contains("FUSE INIT answered: requests of up to 1024 KiB").contains("write calls=4 ");
    }

    /**
     * What tar -x asks of the master per file, counted by the mount itself (its unmount log names
     * each request type): an owner or mode set to what the file already has (tar as root sets the
     * owner of everything it makes) is answered by the mount, and so is the kernel's question for
     * security.capability before the first write to a file this mount just made.
     */
    @Test
    @Order(6)
    void untarSendsTheMasterNoChangeOfNothingAndNoXattrQuestionForNewFiles() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "tar sets owners only as root");
        MountProcess c = MountProcess.start(tmp.resolve("t"), fx.cluster.masterAddress());
        int files = 20;
        try {
            Sh.bash(tmp, "mkdir -p tree/sub && for i in $(seq 1 " + files + "); do echo $i > tree/sub/f$i; done"
                    + " && chown -R 0:0 tree && chmod 0755 tree tree/sub && chmod 0644 tree/sub/*"
                    + " && tar -cf tree.tar -C tree . && mkdir " + c.path("x") + " && tar -C " + c.path("x")
                    + " -xf tree.tar && diff -r tree " + c.path("x") + " && [ \"$(stat -c %U:%G:%a "
                    + c.path("x/sub/f1") + ")\" = root:root:644 ]"
                    + " && chown 0:0 " + c.path("x/sub/f2") + " && chmod 0644 " + c.path("x/sub/f2")).ok();
        } finally {
            c.close();
        }
        String log = c.logText();
        // per file: the times after the data and the mode (tar makes it 0600 first); its chown changes nothing
        // (answered by the mount for a file it made a moment ago); per directory at most its times and mode;
        // the chown and chmod of f2 above go to the master once what the mount knew of f2 is older than 1 s
        assertThat(masterRequests(log, "SetAttr")).as(log).isBetween(2L * files, 2L * files + 6);
        // at most one: the kernel asks for security.capability before the chown of f2 (capabilities go with
        // a change of owner), once what this mount knew of the new file has expired; before: one per file
        assertThat(masterRequests(log, "GetXattr")).as(log).isLessThanOrEqualTo(1);
        assertThat(masterRequests(log, "WithDirAttrs")).as("one create per file, one mkdir per directory")
                .isEqualTo(files + 2);
    }

    /** How many requests of {@code type} the mount that wrote {@code log} sent the master (0: none). */
    private static long masterRequests(String log, String type) {
        Matcher m = Pattern.compile("[{ ]" + type + "=(\\d+)[,}]").matcher(log);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static boolean kernelAtLeast(int major, int minor) {
        String[] v = System.getProperty("os.version").split("[.-]");
        int ma = Integer.parseInt(v[0]);
        return ma > major || ma == major && Integer.parseInt(v[1]) >= minor;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private interface Check {
        boolean test() throws Exception;
    }

    private static boolean quietly(Check c) {
        try {
            return c.test();
        } catch (Exception e) {
            return false;
        }
    }
}
