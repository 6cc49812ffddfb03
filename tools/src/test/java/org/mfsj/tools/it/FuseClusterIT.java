package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Duration;
import java.time.Instant;
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
     * writes (libfuse 2's limit would make them 32), and one getxattr (four before 5.11 kernels).
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
        if (kernelAtLeast(5, 11)) {
            // the mount took FUSE_HANDLE_KILLPRIV_V2: the kernel asks for security.capability once per file,
            // before its first write, no longer before each write(2)
            assertThat(c.logText()).contains("getxattr calls=1 ");
        }
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
        // what the mount knows of a file it made counts for the attribute timeout: long enough here that the
        // counts below do not depend on how fast a loaded machine runs tar
        MountProcess c = MountProcess.start(tmp.resolve("t"), fx.cluster.masterAddress(), "mfsattrcacheto=30");
        int files = 20;
        try {
            Sh.bash(tmp, "mkdir -p tree/sub && for i in $(seq 1 " + files + "); do echo $i > tree/sub/f$i; done"
                    + " && chown -R 0:0 tree && chmod 0755 tree tree/sub && chmod 0644 tree/sub/*"
                    + " && tar -cf tree.tar -C tree . && mkdir " + c.path("x") + " && tar -C " + c.path("x")
                    + " -xf tree.tar && diff -r tree " + c.path("x") + " && [ \"$(stat -c %U:%G:%a "
                    + c.path("x/sub/f1") + ")\" = root:root:644 ]"
                    + " && tar -df tree.tar -C " + c.path("x")
                    + " && chown 0:0 " + c.path("x/sub/f2") + " && chmod 0644 " + c.path("x/sub/f2")).ok();
            // tar sets each file's times on the open file after its data: kept by the mount until the close,
            // so what the other mount sees after it must match as well (tar -d compares times, modes, owners)
            Sh.bash(tmp, "tar -df tree.tar -C " + b.path("x")).ok();
        } finally {
            c.close();
        }
        String log = c.logText();
        // per file none: the times after the data and the mode (tar makes it 0600 first) are kept until the close
        // and go with the end of its write (one WriteChunkEnd per file; a SetAttr and a force each before); its
        // chown changes nothing (answered by the mount for a file it made a moment ago); per directory at most
        // its times and mode; the chown and chmod of f2 above at most once each
        assertThat(masterRequests(log, "SetAttr")).as(log).isLessThanOrEqualTo(6L);
        assertThat(masterRequests(log, "WriteChunkEnd")).as(log).isEqualTo(files);
        // at most one: the kernel asks for security.capability before the chown of f2 (capabilities go with
        // a change of owner); before: one per file
        assertThat(masterRequests(log, "GetXattr")).as(log).isLessThanOrEqualTo(1);
        assertThat(masterRequests(log, "WithDirAttrs")).as("one create per file, one mkdir per directory")
                .isEqualTo(files + 2);
        // the closes' releases go in batches ahead of the next request, never one request per close
        assertThat(masterRequests(log, "Release")).as(log).isZero();
        assertThat(masterRequests(log, "ReleaseMany")).as(log).isPositive();
    }

    /**
     * The attributes every lookup and listing brings say whether a file has any extended attribute:
     * ls -l (which asks security.selinux of every file) costs the master nothing for files without,
     * counted by the mount itself; a file with one still answers it, and one set on the other mount
     * shows once the attribute timeout (1 s) has passed.
     */
    @Test
    @Order(7)
    void filesWithoutXattrsAreAnsweredByTheMount() throws Exception {
        int files = 100;
        Path dir = Files.createDirectories(a.resolve("bare"));
        for (int i = 1; i <= files; i++) {
            Files.writeString(dir.resolve("f" + i), "x");
        }
        xattrs(dir.resolve("f1")).write("tag", StandardCharsets.UTF_8.encode("v1"));
        // timeouts long enough that nothing the listing brought expires during the listing, whatever the load
        MountProcess c = MountProcess.start(tmp.resolve("l"), fx.cluster.masterAddress(), "mfsattrcacheto=120",
                "mfsentrycacheto=120");
        try {
            Sh.bash(tmp, "ls -l " + c.path("bare") + " > /dev/null").ok();
        } finally {
            c.close();
        }
        String log = c.logText();
        // only f1's security.selinux, which it may have; before, one per file
        assertThat(masterRequests(log, "GetXattr")).as(log).isLessThanOrEqualTo(1);
        // the listing by name (a directory of 64 names or more), then once with attributes at the first lookup
        assertThat(masterRequests(log, "ReadDirNames")).as(log).isEqualTo(1);
        assertThat(masterRequests(log, "ReadDir")).as(log).isEqualTo(1);

        for (int i = 2; i <= files; i++) {
            UserDefinedFileAttributeView bare = xattrs(b.path("bare/f" + i));
            assertThat(bare.list()).isEmpty();
            assertThatThrownBy(() -> bare.size("tag")).isInstanceOf(FileSystemException.class);
        }
        assertThat(xattrs(b.path("bare/f1")).list()).containsExactly("tag");
        assertThat(read(xattrs(b.path("bare/f1")), "tag")).isEqualTo("v1");
        Path other = b.path("bare/f2");
        assertThat(xattrs(other).list()).isEmpty();
        xattrs(dir.resolve("f2")).write("later", StandardCharsets.UTF_8.encode("v2"));
        Sh.bash(tmp, "sleep 2").ok();
        assertThat(read(xattrs(other), "later")).as("set on the other mount, after the timeout").isEqualTo("v2");
    }

    /**
     * A directory listed again and again at once (bench/core/meta.py's three scandir passes) goes to
     * the master once: the mount keeps the listing when its end is read, not at the release, which
     * the kernel sends after closedir(3) returned, so the next opendir often came first, found
     * nothing kept, dropped the kernel's copy and listed the directory afresh. The listing is by name
     * only (packed, no attributes), and the directory's block size lets the kernel ask for all of it
     * in one READDIR request and the empty one that ends it (3 at the 64 KiB block of before).
     */
    @Test
    @Order(9)
    void aDirectoryListedAgainAtOnceIsAskedOfTheMasterOnce() throws Exception {
        int files = 3000;
        Sh.bash(a, "mkdir relist && cd relist && seq -f 'f%04g' 1 " + files + " | xargs touch").ok();
        MountProcess c = mountWithLongCaches("r");
        int passes = 8;
        try {
            for (int i = 0; i < passes; i++) {
                long seen;
                try (var names = Files.list(c.path("relist"))) {
                    seen = names.count();
                }
                assertThat(seen).as("pass " + i).isEqualTo(files);
            }
        } finally {
            c.close();
        }
        String log = c.logText();
        assertThat(masterRequests(log, "ReadDirNames")).as(log).isEqualTo(1);
        assertThat(masterRequests(log, "ReadDir")).as("none with attributes").isZero();
        assertThat(log).as("an opendir per pass").contains("opendir calls=" + passes + " ");
        // kernels before 6.16 ask for a page per READDIR whatever the program's buffer
        if (kernelAtLeast(6, 16)) {
            Matcher readdirs = Pattern.compile("\\sreaddir calls=(\\d+) ").matcher(log);
            assertThat(readdirs.find()).as(log).isTrue();
            assertThat(Long.parseLong(readdirs.group(1))).as(log).isEqualTo(2);
        }
    }

    /**
     * A stat of every name of a large directory by path, without a listing (bench/core/meta.py's
     * stat phase): once a sixteenth of the names (at least 64) were asked of the master one by one,
     * the directory is listed once with attributes and the other stats are answered from that,
     * where each was a Lookup of its own. A name made on the other mount after that listing is
     * still found (asked alone: the listing does not hold it).
     */
    @Test
    @Order(10)
    void statsOfEveryNameOfALargeDirectoryListItOnce() throws Exception {
        int files = 1000;
        Sh.bash(a, "mkdir stats && cd stats && seq -f 'f%04g' 1 " + files + " | xargs touch").ok();
        MountProcess c = mountWithLongCaches("s");
        try {
            for (int i = 1; i <= files; i++) {
                assertThat(Files.size(c.path(String.format("stats/f%04d", i)))).isZero();
            }
            Files.writeString(b.path("stats/made-later"), "later");
            assertThat(Files.readString(c.path("stats/made-later"))).isEqualTo("later");
        } finally {
            c.close();
        }
        String log = c.logText();
        assertThat(masterRequests(log, "ReadDir")).as(log).isEqualTo(1);
        // 64 names asked alone, the directory itself, made-later and the odd name the system asks
        assertThat(masterRequests(log, "Lookup")).as(log).isBetween(66L, 80L);
    }

    private static UserDefinedFileAttributeView xattrs(Path p) {
        return Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
    }

    private static String read(UserDefinedFileAttributeView v, String name) throws java.io.IOException {
        ByteBuffer buf = ByteBuffer.allocate(v.size(name));
        v.read(name, buf);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    /**
     * Times and a mode set on a file open for writing are kept by the mount until the close (so the
     * data need not land first, and both go in one change): shown at once on this mount, seen by the
     * other after the close, and a write after the times moves the mtime as it would have.
     */
    @Test
    @Order(8)
    void timesSetOnAnOpenFileShowAtOnceAndReachTheOtherMountAtClose() throws Exception {
        FileTime set = FileTime.from(Instant.parse("2001-02-03T04:05:06.789Z"));
        Path kept = a.resolve("shared/times-kept");
        try (FileChannel ch = FileChannel.open(kept, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(StandardCharsets.UTF_8.encode("data before the times"));
            Files.setLastModifiedTime(kept, set);
            assertThat(Files.getLastModifiedTime(kept)).as("on the mount that set them, at once").isEqualTo(set);
        }
        assertThat(Files.getLastModifiedTime(kept)).isEqualTo(set);
        assertThat(Files.getLastModifiedTime(b.path("shared/times-kept"))).as("on the other mount, after the close")
                .isEqualTo(set);
        assertThat(Files.readString(b.path("shared/times-kept"))).isEqualTo("data before the times");

        Path moved = a.resolve("shared/times-then-write");
        try (FileChannel ch = FileChannel.open(moved, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(StandardCharsets.UTF_8.encode("before "));
            Files.setLastModifiedTime(moved, set);
            ch.write(StandardCharsets.UTF_8.encode("after"));
        }
        assertThat(Files.getLastModifiedTime(moved)).as("a write after the times moves the mtime")
                .isGreaterThan(set);
        assertThat(Files.getLastModifiedTime(b.path("shared/times-then-write"))).isGreaterThan(set);
        assertThat(Files.readString(b.path("shared/times-then-write"))).isEqualTo("before after");

        Path moded = a.resolve("shared/mode-kept");
        try (FileChannel ch = FileChannel.open(moded, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(StandardCharsets.UTF_8.encode("made 0644, then 0600"));
            Files.setPosixFilePermissions(moded, PosixFilePermissions.fromString("rw-------"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(moded)))
                    .as("a chmod of the open file, on the mount that made it, at once").isEqualTo("rw-------");
            Files.setLastModifiedTime(moded, set);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(b.path("shared/mode-kept"))))
                .as("on the other mount, after the close").isEqualTo("rw-------");
        assertThat(Files.getLastModifiedTime(b.path("shared/mode-kept"))).isEqualTo(set);
        assertThat(Files.readString(b.path("shared/mode-kept"))).isEqualTo("made 0644, then 0600");

        Path removed = a.resolve("shared/times-then-removed");
        try (FileChannel ch = FileChannel.open(removed, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(StandardCharsets.UTF_8.encode("gone"));
            Files.setLastModifiedTime(removed, set);
            Files.delete(b.path("shared/times-then-removed"));
        }
        // removed on the other mount while open here: the close (which would throw) still succeeds
        assertThat(Files.exists(b.path("shared/times-then-removed"))).isFalse();
    }

    /**
     * A directory a mount made is leased to it: the lookup the kernel sends before each create there
     * is answered by the mount, yet a name the other mount makes there is found at once, since the
     * master recalls the lease before it answers that create.
     */
    @Test
    @Order(11)
    void namesMadeInALeasedDirectoryAreAnsweredLocallyAndTheOtherMountsShowAtOnce() throws Exception {
        MountProcess c = MountProcess.start(tmp.resolve("l"), fx.cluster.masterAddress());
        int files = 30;
        String seen;
        try {
            Sh.bash(c.path(), "mkdir leased && for i in $(seq 1 " + files + "); do : > leased/f$i; done").ok();
            Sh.bash(b.path(), "echo from-b > leased/from-b && mkdir leased/dir-b").ok();
            seen = Sh.bash(c.path(), "cat leased/from-b && test -d leased/dir-b && echo dir"
                    + " && : > leased/after && test -e leased/after && ls leased | wc -l").ok().out();
            Sh.bash(b.path(), "test -e leased/after").ok();
        } finally {
            c.close();
        }
        assertThat(seen).isEqualTo("from-b\ndir\n" + (files + 3) + "\n");
        String log = c.logText();
        // the names made before the other mount's came were answered absent by the lease: a few lookups at most
        // (the directory itself, the names after the recall)
        assertThat(masterRequests(log, "Lookup")).as(log).isLessThan(files / 2);
        assertThat(masterRequests(log, "DirLease")).as(log).isPositive();
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

    /**
     * A second mount whose listing, entry and attribute timeouts are long enough that nothing it
     * learnt expires during a test, however loaded the machine is.
     */
    private MountProcess mountWithLongCaches(String dir) throws Exception {
        return MountProcess.start(tmp.resolve(dir), fx.cluster.masterAddress(), "mfsdirentrycacheto=60",
                "mfsattrcacheto=60", "mfsentrycacheto=60");
    }
}
