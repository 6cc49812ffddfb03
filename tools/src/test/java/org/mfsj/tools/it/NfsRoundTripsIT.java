package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.MfsClient;
import org.mfsj.common.config.ConfigLoader;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.NfsConfig;
import org.mfsj.nfs.NfsServer;
import org.mfsj.nfs.RpcTestClient;
import org.mfsj.nfs.XdrReader;

/**
 * How many master calls an NFSv3 CREATE, LOOKUP, GETATTR, REMOVE and RENAME cost, counted by the
 * gateway's own client (the gateway runs in this JVM over a real cluster), and that the
 * attributes it answers with are right: the directories' after a change, and a file's after a
 * write through the gateway, whatever the attribute cache held.
 */
class NfsRoundTripsIT {
    @TempDir
    Path tmp;

    /**
     * Master calls made by {@code c} while {@code op} ran, and the releases of the handles it closed,
     * which go out with the client's next request or a moment later (pings are not counted).
     */
    private static long calls(MfsClient c, ThrowingRunnable op) throws Exception {
        long before = c.metrics().masterCalls();
        op.run();
        long last = c.metrics().masterCalls();
        while (true) {
            Thread.sleep(100);
            long now = c.metrics().masterCalls();
            if (now == last) {
                return now - before;
            }
            last = now;
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A gateway on loopback whose attribute cache outlives the test: only its own changes may refresh it. */
    private static NfsConfig gatewayConfig() throws Exception {
        return NfsConfig.from(ConfigLoader.defaults(NfsConfig.SCHEMA)
                .with(NfsConfig.LISTEN_HOST, "127.0.0.1").with(NfsConfig.NFS_PORT, 0)
                .with(NfsConfig.MOUNT_PORT, 0).with(NfsConfig.MOUNT_UDP, false).with(NfsConfig.RPCBIND, false)
                .with(NfsConfig.ATTR_CACHE, 60_000)
                .with(NfsConfig.EXPORT_KEYS.get(0), "/ 127.0.0.1 rw,no_root_squash,insecure"));
    }

    private static byte[] mountRoot(NfsServer server) throws Exception {
        try (RpcTestClient m = new RpcTestClient(server.mountAddress(), 100005, 3)) {
            XdrReader r = m.call(1, out -> out.xdrEncodeString("/"));
            assertThat(r.i()).isZero();
            return r.opaque();
        }
    }

    @Test
    void metadataProceduresCostOneMasterCallAtMostAndReportFreshAttributes() throws Exception {
        NfsConfig cfg = gatewayConfig();
        try (ClusterFixture fx = new ClusterFixture(tmp.resolve("cluster"));
             MfsClient gw = MfsClient.connect(ClientConfig.of(fx.cluster.masterAddress()).withClientInfo("nfs-in-test"));
             NfsServer server = NfsServer.start(cfg, gw, Clock.systemUTC());
             RpcTestClient nfs = new RpcTestClient(server.nfsAddress(), 100003, 3)) {
            byte[] root = mountRoot(server);
            byte[] dir = NfsIT.created(nfs.call(9, out -> {
                NfsIT.dirop(out, root, "rt");
                NfsIT.sattr(out, 0755);
            }));
            MfsClient other = fx.client();
            long dirInode = other.resolve(ClusterFixture.ROOT, "/rt").inode();
            // removed files are freed at once, not kept in trash (where their handles would stay valid)
            other.setTrashTime(ClusterFixture.ROOT, dirInode, 0, false);

            XdrReader[] reply = new XdrReader[1];
            long create = calls(gw, () -> reply[0] = nfs.call(8, out -> {
                NfsIT.dirop(out, dir, "f");
                out.xdrEncodeInt(1);
                NfsIT.sattr(out, 0644);
            }));
            byte[] f = NfsIT.created(reply[0]);
            XdrReader.Fattr fileAttr = reply[0].postOp();
            XdrReader.Fattr dirAfterCreate = reply[0].wcc();
            Attr dirNow = other.getattr(dirInode);
            assertThat(fileAttr.size()).isZero();
            // the directory's attributes after the create, as the master has them: from the create's own reply
            assertThat(dirAfterCreate.mtimeSec() * 1_000_000_000L + dirAfterCreate.mtimeNsec())
                    .isEqualTo(dirNow.mtimeNanos());

            long lookup = calls(gw, () -> reply[0] = nfs.call(3, out -> NfsIT.dirop(out, dir, "f")));
            assertThat(reply[0].i()).isZero();
            long getattr = calls(gw, () -> reply[0] = nfs.call(1, out -> out.xdrEncodeDynamicOpaque(f)));
            assertThat(reply[0].i()).isZero();

            // a write through the gateway: the next GETATTR has the new size, cache or not
            byte[] data = new byte[1000];
            writeStable(nfs, f, data);
            XdrReader after = nfs.call(1, out -> out.xdrEncodeDynamicOpaque(f));
            assertThat(after.i()).isZero();
            assertThat(after.fattr().size()).isEqualTo(data.length);

            long rename = calls(gw, () -> reply[0] = nfs.call(14, out -> {
                NfsIT.dirop(out, dir, "f");
                NfsIT.dirop(out, dir, "g");
            }));
            assertThat(reply[0].i()).isZero();
            Map<String, Long> beforeRemove = gw.metrics().masterCallsByType();
            reply[0] = nfs.call(12, out -> NfsIT.dirop(out, dir, "g"));
            assertThat(reply[0].i()).isZero();
            XdrReader.Fattr dirAfterRemove = reply[0].wcc();
            assertThat(dirAfterRemove.mtimeSec() * 1_000_000_000L + dirAfterRemove.mtimeNsec())
                    .isEqualTo(other.getattr(dirInode).mtimeNanos());
            // the removed file's handle goes stale, although its attributes were cached: the gateway's
            // release of it reaches the master in the background, so wait for that, not for a clock
            assertThat(staleSoon(nfs, f)).isTrue();
            long remove = callsBesidesGetattr(beforeRemove, gw.metrics().masterCallsByType());

            renameOverLetsGoOfTheReplacedFile(nfs, dir, data);

            System.err.printf("master calls: CREATE %d, LOOKUP %d, GETATTR %d, RENAME %d, REMOVE %d%n",
                    create, lookup, getattr, rename, remove);
            // each was 3 (directory handle, change, directory attributes after), LOOKUP 2, GETATTR 1;
            // the directory's handle is now answered from attributes the last change returned
            assertThat(create).isEqualTo(1);
            assertThat(lookup).isEqualTo(1);
            assertThat(getattr).isZero();
            assertThat(rename).isEqualTo(1);
            // the unlink, then the release of the handle the gateway kept open since the WRITE: the
            // master keeps a nameless file while any session has it open, so without it the file
            // would live on (and its handle answer) until the gateway's cache let it go
            assertThat(remove).isEqualTo(2);
        }
    }

    /** A file a RENAME replaced goes as a removed one does, while the file moved keeps its handle. */
    private static void renameOverLetsGoOfTheReplacedFile(RpcTestClient nfs, byte[] dir, byte[] data) throws Exception {
        byte[] h = createAndWrite(nfs, dir, "h", data);
        byte[] k = createAndWrite(nfs, dir, "k", data);
        XdrReader over = nfs.call(14, out -> {
            NfsIT.dirop(out, dir, "k");
            NfsIT.dirop(out, dir, "h");
        });
        assertThat(over.i()).isZero();
        assertThat(staleSoon(nfs, h)).as("replaced: stale").isTrue();
        assertThat(nfs.call(1, out -> out.xdrEncodeDynamicOpaque(k)).i()).as("moved: alive").isZero();
    }

    /** Master calls made between two counts, leaving out the GETATTRs that looked for the stale handle. */
    private static long callsBesidesGetattr(Map<String, Long> before, Map<String, Long> after) {
        long n = 0;
        for (var e : after.entrySet()) {
            if (!e.getKey().equals("GetAttr")) {
                n += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
        }
        return n;
    }

    /**
     * Whether GETATTR of the handle answers NFS3ERR_STALE within 5 s: a background release may be
     * ahead of it, and the gateway would let an idle file go only after 10 s.
     */
    private static boolean staleSoon(RpcTestClient nfs, byte[] fh) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (nfs.call(1, out -> out.xdrEncodeDynamicOpaque(fh)).i() == 70) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static byte[] createAndWrite(RpcTestClient nfs, byte[] dir, String name, byte[] data) throws Exception {
        byte[] fh = NfsIT.created(nfs.call(8, out -> {
            NfsIT.dirop(out, dir, name);
            out.xdrEncodeInt(1);
            NfsIT.sattr(out, 0644);
        }));
        writeStable(nfs, fh, data);
        return fh;
    }

    /** WRITE at offset 0, FILE_SYNC. */
    private static void writeStable(RpcTestClient nfs, byte[] fh, byte[] data) throws Exception {
        XdrReader w = nfs.call(7, out -> {
            out.xdrEncodeDynamicOpaque(fh);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(data.length);
            out.xdrEncodeInt(2);
            out.xdrEncodeDynamicOpaque(data);
        });
        assertThat(w.i()).isZero();
    }
}
