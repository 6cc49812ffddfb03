package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.RpcTestClient;
import org.mfsj.nfs.XdrReader;
import org.mfsj.tools.cluster.doors.NfsDoor;

/**
 * The NFS gateway over a real cluster, used by the Debian NFS client tools of libnfs (nfs-ls,
 * nfs-cp, nfs-cat, which speak NFSv3 and MOUNT themselves) and by a hand-written RPC client for
 * what those tools cannot do (mkdir, rename, remove, a restart under open handles).
 */
class NfsIT {
    @TempDir
    static Path dir;
    static ClusterFixture fx;
    static MfsClient client;

    @BeforeAll
    static void up() throws Exception {
        fx = new ClusterFixture(dir.resolve("cluster"), List.of(new NfsDoor()));
        client = fx.client();
    }

    @AfterAll
    static void down() throws IOException {
        if (fx != null) {
            fx.close();
        }
    }

    /**
     * libnfs mounts the directory part of a URL and then looks for exports nested below it; for a
     * file right under the export "/" that part is empty, so such URLs start with "//".
     */
    static String url(String path) {
        return "nfs://127.0.0.1" + path + "?nfsport=" + fx.cluster.doorPort(NfsDoor.NFS_PORT) + "&mountport="
                + fx.cluster.doorPort(NfsDoor.MOUNT_PORT) + "&version=3";
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... cmd) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static byte[] sha(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    @Test
    void nfsLsListsWhatCoreClientWrote() throws Exception {
        Attr d = client.mkdir(ClusterFixture.ROOT, client.rootInode(), "listing", 0755);
        client.create(ClusterFixture.ROOT, d.inode(), "alpha", 0644);
        client.mkdir(ClusterFixture.ROOT, d.inode(), "beta", 0750);
        Run r = run("nfs-ls", url("/listing"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("alpha").contains("beta");
        assertThat(r.out().lines().filter(l -> l.endsWith(" beta")).findFirst().orElseThrow()).startsWith("drwxr-x---");
    }

    @Test
    void copyInAndOutIsByteIdenticalBothWays() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 12345];
        new Random(42).nextBytes(data);
        Path local = dir.resolve("in.bin");
        Files.write(local, data);
        client.mkdir(ClusterFixture.ROOT, client.rootInode(), "copies", 0777);
        Run in = run("nfs-cp", local.toString(), url("/copies/in.bin"));
        assertThat(in.exit()).as(in.err()).isZero();
        Attr f = client.resolve(ClusterFixture.ROOT, "/copies/in.bin");
        assertThat(f.length()).isEqualTo(data.length);
        assertThat(fx.readDigest(f.inode())).as("written via NFS, read via core-client").isEqualTo(sha(data));

        byte[] written = fx.writeFile("from-core.bin", 2_500_000, 7, 1);
        Path back = dir.resolve("out.bin");
        Run out = run("nfs-cp", url("//from-core.bin"), back.toString());
        assertThat(out.exit()).as(out.err()).isZero();
        assertThat(sha(Files.readAllBytes(back))).as("written via core-client, read via NFS").isEqualTo(written);
    }

    @Test
    void nfsCatPrintsAFile() throws Exception {
        Attr f = client.create(ClusterFixture.ROOT, client.rootInode(), "hello.txt", 0644);
        try (var h = client.open(ClusterFixture.ROOT, f.inode(), true)) {
            byte[] text = "hello over nfs\n".getBytes(StandardCharsets.UTF_8);
            h.write(0, text, 0, text.length);
        }
        Run r = run("nfs-cat", url("//hello.txt"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("hello over nfs\n");
    }

    @Test
    void errorsReachTheClient() throws Exception {
        Run missing = run("nfs-cat", url("//no-such-file"));
        assertThat(missing.exit()).isNotZero();
        Run noDir = run("nfs-cp", dir.resolve("in.bin").toString(), url("/no-such-dir/x"));
        assertThat(noDir.exit()).isNotZero();
        Run noMount = run("nfs-ls", url("/no-such-dir"));
        assertThat(noMount.exit()).isNotZero();
        assertThat(noMount.err()).contains("MNT3ERR_NOENT");
    }

    RpcTestClient nfs() throws IOException {
        return new RpcTestClient(new InetSocketAddress("127.0.0.1", fx.cluster.doorPort(NfsDoor.NFS_PORT)),
                100003, 3);
    }

    byte[] mountRoot() throws Exception {
        try (RpcTestClient m = new RpcTestClient(new InetSocketAddress("127.0.0.1",
                fx.cluster.doorPort(NfsDoor.MOUNT_PORT)), 100005, 3)) {
            XdrReader r = m.call(1, out -> out.xdrEncodeString("/"));
            assertThat(r.i()).isZero();
            return r.opaque();
        }
    }

    static byte[] created(XdrReader r) {
        assertThat(r.i()).isZero();
        assertThat(r.b()).isTrue();
        return r.opaque();
    }

    @Test
    void mkdirRenameRemoveAndPermissionsThroughTheRealMaster() throws Exception {
        byte[] root = mountRoot();
        try (RpcTestClient nfs = nfs()) {
            byte[] d = created(nfs.call(9, out -> {
                dirop(out, root, "made-by-nfs");
                sattr(out, 0700);
            }));
            assertThat(client.resolve(ClusterFixture.ROOT, "/made-by-nfs").isDirectory()).isTrue();
            created(nfs.call(8, out -> {
                dirop(out, d, "f");
                out.xdrEncodeInt(1);
                sattr(out, 0644);
            }));
            assertThat(nfs.call(14, out -> {
                dirop(out, d, "f");
                dirop(out, d, "g");
            }).i()).isZero();
            assertThat(client.resolve(ClusterFixture.ROOT, "/made-by-nfs/g").isFile()).isTrue();
            assertThat(nfs.call(13, out -> dirop(out, root, "made-by-nfs")).i()).as("rmdir non-empty")
                    .isEqualTo(66);
            nfs.as(1000, 1000);
            assertThat(nfs.call(3, out -> dirop(out, d, "g")).i()).as("lookup in a 0700 dir of root")
                    .isEqualTo(13);
            assertThat(nfs.call(12, out -> dirop(out, d, "g")).i()).as("remove by another user").isEqualTo(13);
            nfs.as(0, 0);
            assertThat(nfs.call(12, out -> dirop(out, d, "g")).i()).isZero();
            assertThat(nfs.call(13, out -> dirop(out, root, "made-by-nfs")).i()).isZero();
            assertThat(nfs.call(3, out -> dirop(out, root, "made-by-nfs")).i()).as("gone").isEqualTo(2);
        }
    }

    /** The gateway asks the master, which reads ACLs, for the rights of anyone but root and the owner. */
    @Test
    void posixAclsDecideReadsAndAccess() throws Exception {
        client.mkdir(ClusterFixture.ROOT, client.rootInode(), "acls", 0755);
        AclFiles.create(client, client.resolve(ClusterFixture.ROOT, "/acls").inode());
        byte[] root = mountRoot();
        try (RpcTestClient nfs = nfs()) {
            byte[] dir = lookup(nfs, root, "acls");
            byte[] granted = lookup(nfs, dir, AclFiles.GRANTED);
            byte[] denied = lookup(nfs, dir, AclFiles.DENIED);
            nfs.as(AclFiles.USER_ID, AclFiles.USER_ID);
            XdrReader r = read(nfs, granted);
            assertThat(r.i()).as("READ of a 0600 file whose ACL names the caller").isZero();
            r.postOp();
            assertThat(r.i()).isEqualTo(AclFiles.CONTENT.length());
            assertThat(r.b()).isTrue();
            assertThat(new String(r.opaque(), StandardCharsets.UTF_8)).isEqualTo(AclFiles.CONTENT);
            assertThat(read(nfs, denied).i()).as("READ of a 0644 file whose ACL excludes the caller").isEqualTo(13);
            assertThat(access(nfs, granted) & 1).as("ACCESS READ, granted").isEqualTo(1);
            assertThat(access(nfs, denied) & 1).as("ACCESS READ, denied").isZero();
        }
    }

    static byte[] lookup(RpcTestClient nfs, byte[] dir, String name) throws IOException {
        XdrReader r = nfs.call(3, out -> dirop(out, dir, name));
        assertThat(r.i()).as("LOOKUP " + name).isZero();
        return r.opaque();
    }

    static XdrReader read(RpcTestClient nfs, byte[] fh) throws IOException {
        return nfs.call(6, out -> {
            out.xdrEncodeDynamicOpaque(fh);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(4096);
        });
    }

    /** The rights ACCESS grants of all six asked. */
    static int access(RpcTestClient nfs, byte[] fh) throws IOException {
        XdrReader r = nfs.call(4, out -> {
            out.xdrEncodeDynamicOpaque(fh);
            out.xdrEncodeInt(0x3f);
        });
        assertThat(r.i()).isZero();
        r.postOp();
        return r.i();
    }

    @Test
    void handlesSurviveAGatewayRestart() throws Exception {
        byte[] data = fx.writeFile("survivor.bin", 100_000, 3, 1);
        byte[] root = mountRoot();
        byte[] fh;
        try (RpcTestClient nfs = nfs()) {
            XdrReader r = nfs.call(3, out -> dirop(out, root, "survivor.bin"));
            assertThat(r.i()).isZero();
            fh = r.opaque();
        }
        fx.cluster.stop("nfs");
        fx.cluster.start("nfs");
        fx.cluster.awaitDoor("nfs", Duration.ofSeconds(60));
        try (RpcTestClient nfs = nfs()) {
            XdrReader r = nfs.call(6, out -> {
                out.xdrEncodeDynamicOpaque(fh);
                out.xdrEncodeLong(0);
                out.xdrEncodeInt(200_000);
            });
            assertThat(r.i()).as("READ with a handle from before the restart").isZero();
            r.postOp();
            assertThat(r.i()).isEqualTo(100_000);
            assertThat(r.b()).isTrue();
            assertThat(sha(r.opaque())).isEqualTo(data);
            XdrReader l = nfs.call(3, out -> dirop(out, root, "survivor.bin"));
            assertThat(l.i()).isZero();
            assertThat(l.opaque()).as("same handle from the new instance").isEqualTo(fh);
        }
    }

    static void dirop(org.dcache.oncrpc4j.xdr.XdrEncodingStream out, byte[] dir, String name) {
        out.xdrEncodeDynamicOpaque(dir);
        out.xdrEncodeString(name);
    }

    static void sattr(org.dcache.oncrpc4j.xdr.XdrEncodingStream out, int mode) {
        out.xdrEncodeBoolean(true);
        out.xdrEncodeInt(mode);
        for (int i = 0; i < 5; i++) {
            out.xdrEncodeInt(0);
        }
    }
}
