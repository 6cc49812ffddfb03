package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.types.Attr;
import org.mfsj.tools.cluster.doors.NfsDoor;
import org.mfsj.tools.it.GuestFacts.Fact;

/**
 * The Linux kernel's own NFS client (Debian's kernel in a qemu guest) against the gateway over a
 * real cluster, for NFSv4.1, v4.0 and v3 in one boot: the guest writes, remounts and reads back,
 * renames, links, removes and hits the usual errors, and reports what it saw; this test holds the
 * expectations and checks through core-client that the bytes the guest wrote are there.
 */
class NfsKernelIT {
    static final List<String> VERSIONS = List.of("4.1", "4.0", "3");
    static final int CORE_FILE_SIZE = 2_345_678;
    static final long CORE_LOCK_OWNER = 4242;
    /** 2020-01-02 03:04:05 UTC, the time the guest sets with touch -d. */
    static final long TOUCHED = 1_577_934_245L;

    @TempDir
    static Path dir;
    static ClusterFixture fx;
    static MfsClient client;
    static GuestFacts guest;
    static String coreDigest;

    @BeforeAll
    static void bootTheGuest() throws Exception {
        KernelGuest kernel;
        try {
            // in target/, not the temporary folder: its console log explains a failure after the run
            kernel = KernelGuest.build(Path.of("target", "nfs-kernel-guest"));
        } catch (KernelGuest.Unavailable e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("no kernel guest in CI: " + e.getMessage(), e);
            }
            Assumptions.abort("no kernel guest here (" + e.getMessage() + "); bin/test installs what it needs");
            return;
        }
        fx = new ClusterFixture(dir.resolve("cluster"), List.of(new NfsDoor()));
        client = fx.client();
        coreDigest = HexFormat.of().formatHex(fx.writeFile("from-core.bin", CORE_FILE_SIZE, 11, 1));
        AclFiles.create(client, client.rootInode());
        // held by this session for the whole boot: the guest's v4 locks must meet it at the master
        Attr locked = client.create(ClusterFixture.ROOT, client.rootInode(), "locked.bin", 0666);
        client.setLock(locked.inode(), LockFlavor.POSIX, LockType.WRITE, 0, 99, CORE_LOCK_OWNER, 1, false);
        KernelGuest.Running run = kernel.start(fx.cluster.doorPort(NfsDoor.NFS_PORT),
                fx.cluster.doorPort(NfsDoor.MOUNT_PORT), VERSIONS, true);
        try {
            if (run.awaitStep("restart", "ready", Duration.ofMinutes(6))) {
                fx.cluster.stop("nfs");
                fx.cluster.start("nfs");
                fx.cluster.awaitDoor("nfs", Duration.ofSeconds(90));
                client.create(ClusterFixture.ROOT, client.rootInode(), "restarted", 0644);
            }
            guest = run.finish(Duration.ofMinutes(4));
        } finally {
            run.kill();
        }
    }

    @AfterAll
    static void down() throws IOException {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void theGuestRanEveryVersionAndPoweredOff() {
        assertThat(guest.finished()).as(guest.explain()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.1", "4.0", "3"})
    void writesSurviveARemountByteForByte(String v) {
        ok(v, "mount");
        ok(v, "write-small");
        ok(v, "write-big");
        ok(v, "remount");
        assertThat(ok(v, "read-small").out()).isEqualTo("small file over NFS " + v);
        assertThat(ok(v, "read-big").word()).as("read back after a remount").isEqualTo(ok(v, "big-source").word());
        assertThat(ok(v, "size-big").out()).isEqualTo("3300000");
        assertThat(ok(v, "read-core").word()).as("a file written through core-client").isEqualTo(coreDigest);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.1", "4.0", "3"})
    void namespaceOperations(String v) {
        ok(v, "mkdir");
        ok(v, "create-many");
        assertThat(ok(v, "count-many").out()).as("60 long names listed after a remount").isEqualTo("60");
        ok(v, "rename-dir");
        assertThat(ok(v, "count-renamed").out()).isEqualTo("60");
        ok(v, "rename");
        assertThat(ok(v, "list").out()).isEqualTo(". .. big.bin renamed.txt");
        ok(v, "mkdir-sub");
        ok(v, "touch-sub");
        ok(v, "remove");
        ok(v, "rmdir");
        assertThat(ok(v, "readlink").out()).isEqualTo("renamed.txt");
        ok(v, "hardlink");
        assertThat(ok(v, "nlink").out()).isEqualTo("2");
        ok(v, "unlink");
        ok(v, "exclusive");
        ok(v, "fifo");
        assertThat(ok(v, "fifo-type").out()).isEqualTo("fifo");
        ok(v, "fifo-remove");
        assertThat(ok(v, "replace").out()).as("rename over an existing file").isEqualTo("first");
        assertThat(ok(v, "open-unlinked").out()).as("read after its name is gone").isEqualTo("still-here");
        assertThat(ok(v, "final-list").out()).as("nothing left aside (.nfsXXXX)")
                .isEqualTo(". .. big.bin excl link patched private renamed.txt shared");
        ok(v, "umount-end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.1", "4.0", "3"})
    void dataAndAttributeChanges(String v) {
        ok(v, "chmod");
        assertThat(ok(v, "mode").out()).isEqualTo("640");
        ok(v, "append");
        ok(v, "truncate");
        assertThat(ok(v, "size-truncated").out()).isEqualTo("3000000");
        assertThat(ok(v, "patch").out()).as("a write inside a file").isEqualTo("012abc6789");
        ok(v, "mtime-set");
        assertThat(ok(v, "mtime").out()).isEqualTo(Long.toString(TOUCHED));
        ok(v, "chown");
        assertThat(ok(v, "owner").out()).isEqualTo("1000:1000");
        ok(v, "shared");
        ok(v, "user-create");
        assertThat(ok(v, "user-owner").out()).as("a file created by uid 1000").isEqualTo("1000:1000");
        assertThat(ok(v, "statfs").out().split(" ")).hasSize(2)
                .allSatisfy(n -> assertThat(Long.parseLong(n)).isPositive());
    }

    /** v3 is mounted with nolock (no NLM in the gateway): only v4 locks reach the master. */
    @ParameterizedTest
    @ValueSource(strings = {"4.1", "4.0"})
    void locksMeetTheLocksOfCoreClient(String v) {
        failed(v, "lock-held", "F_SETLK: Resource temporarily unavailable");
        assertThat(ok(v, "lock-test").out()).isEqualTo("held write 0 100");
        assertThat(ok(v, "lock-free").out()).isEqualTo("locked and unlocked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.1", "4.0", "3"})
    void errorsReachTheKernelClient(String v) {
        failed(v, "rmdir-nonempty", "Directory not empty");
        failed(v, "missing", "No such file or directory");
        failed(v, "mkdir-exists", "File exists");
        failed(v, "exclusive-again", "File exists");
        assertThat(ok(v, "acl-granted").out()).as("a 0600 file whose ACL names uid 1000")
                .isEqualTo(AclFiles.CONTENT.strip());
        failed(v, "acl-denied", "Permission denied");
        assertThat(ok(v, "as-user").out()).as("uid 1000 lists a 0755 directory").contains("renamed.txt");
        failed(v, "denied", "can't open '/mnt/k" + v.replace(".", "") + "/private': Permission denied");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.1", "4.0", "3"})
    void coreClientSeesWhatTheGuestWrote(String v) throws Exception {
        String d = "/k" + v.replace(".", "");
        Attr big = client.resolve(ClusterFixture.ROOT, d + "/big.bin");
        assertThat(big.length()).isEqualTo(3_000_000);
        assertThat(HexFormat.of().formatHex(fx.readDigest(big.inode()))).as("the guest's bytes, cut to 3,000,000")
                .isEqualTo(ok(v, "cut-source").word());
        Attr text = client.resolve(ClusterFixture.ROOT, d + "/renamed.txt");
        assertThat(text.mode() & 07777).isEqualTo(0640);
        assertThat(text.uid()).isEqualTo(1000);
        assertThat(text.gid()).isEqualTo(1000);
        assertThat(text.mtimeNanos()).isEqualTo(TOUCHED * 1_000_000_000L);
        assertThat(read(text)).isEqualTo("small file over NFS " + v + "\nappended\n");
        assertThat(read(client.resolve(ClusterFixture.ROOT, d + "/patched"))).isEqualTo("012abc6789");
        assertThat(read(client.resolve(ClusterFixture.ROOT, d + "/excl"))).isEqualTo("once\n");
        Attr mine = client.resolve(ClusterFixture.ROOT, d + "/shared/mine");
        assertThat(mine.uid()).isEqualTo(1000);
        assertThat(read(mine)).isEqualTo("mine\n");
        assertThat(client.resolve(ClusterFixture.ROOT, d + "/private").isDirectory()).isTrue();
        assertThat(client.readlink(client.resolve(ClusterFixture.ROOT, d + "/link").inode()))
                .isEqualTo("renamed.txt");
    }

    /**
     * The guest kept a file open for writing on each version while the gateway restarted: v3
     * handles stay valid, v4.1 and v4.0 reclaim their opens in the grace period.
     */
    @Test
    void filesHeldOpenOutliveAGatewayRestart() throws Exception {
        ok("restart", "seen");
        for (String n : List.of("41", "40", "3")) {
            ok("restart", "mount-" + n);
            ok("restart", "before-" + n);
            assertThat(ok("restart", "after-" + n).out()).as("written before and after the restart, NFS " + n)
                    .isEqualTo("before after");
            assertThat(read(client.resolve(ClusterFixture.ROOT, "/held" + n + ".txt"))).isEqualTo("before\nafter\n");
        }
    }

    /**
     * mount.nfs (which the guest does not have) asks for 4.2 first and tries 4.1 only when the
     * kernel says EPROTONOSUPPORT: the gateway's answer to a 4.2 COMPOUND must lead there.
     */
    @Test
    void fourTwoIsRefusedAsMountNfsExpects() {
        failed("4.1", "mount-42", "Protocol not supported");
    }

    private static Fact ok(String v, String step) {
        Fact f = guest.of(v, step);
        assertThat(f.status()).as("NFS " + v + " step " + step + ": " + f.out() + "\n" + guest.explain()).isZero();
        return f;
    }

    private static void failed(String v, String step, String message) {
        Fact f = guest.of(v, step);
        assertThat(f.status()).as("NFS " + v + " step " + step + " must fail").isNotZero();
        assertThat(f.out()).as("NFS " + v + " step " + step).contains(message);
    }

    private static String read(Attr file) throws IOException {
        byte[] buf = new byte[(int) file.length()];
        try (FileHandle h = client.open(ClusterFixture.ROOT, file.inode(), false)) {
            int n = h.read(0, buf, 0, buf.length);
            return new String(buf, 0, Math.max(n, 0), StandardCharsets.UTF_8);
        }
    }
}
