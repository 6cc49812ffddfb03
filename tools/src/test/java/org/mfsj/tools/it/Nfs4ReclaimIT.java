package org.mfsj.tools.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.nfs.Nfs4Replies;
import org.mfsj.nfs.RpcTestClient;
import org.mfsj.nfs.XdrReader;
import org.mfsj.tools.cluster.doors.NfsDoor;

/**
 * An NFSv4.1 client across a gateway restart over a real cluster: its session is gone, it makes a
 * new one, reclaims its open with CLAIM_PREVIOUS in the grace period (new opens wait) and reads
 * what it wrote before the restart. COMPOUNDs are written by hand.
 */
class Nfs4ReclaimIT {
    @TempDir
    static Path dir;
    static ClusterFixture fx;

    @BeforeAll
    static void up() throws Exception {
        fx = new ClusterFixture(dir.resolve("cluster"), List.of(new NfsDoor()));
    }

    @AfterAll
    static void down() throws IOException {
        if (fx != null) {
            fx.close();
        }
    }

    interface Op {
        void write(XdrEncodingStream out);
    }

    RpcTestClient connect() throws IOException {
        return new RpcTestClient(new InetSocketAddress("127.0.0.1", fx.cluster.doorPort(NfsDoor.NFS_PORT)), 100003, 4);
    }

    static XdrReader compound(RpcTestClient c, Op... ops) throws IOException {
        XdrReader r = c.call(1, out -> {
            out.xdrEncodeString("");
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(ops.length);
            for (Op o : ops) {
                o.write(out);
            }
        });
        r.i();
        r.str();
        r.i();
        return r;
    }

    static int status(XdrReader r, int opcode) {
        assertThat(r.i()).isEqualTo(opcode);
        return r.i();
    }

    /** EXCHANGE_ID + CREATE_SESSION; returns the session id. */
    static byte[] session(RpcTestClient c) throws IOException {
        XdrReader r = compound(c, out -> {
            out.xdrEncodeInt(42);
            out.xdrEncodeOpaque(new byte[8], 8);
            out.xdrEncodeString("reclaim-it-client");
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
        });
        assertThat(status(r, 42)).isZero();
        long id = r.l();
        int csSeq = r.i();
        XdrReader s = compound(c, out -> {
            out.xdrEncodeInt(43);
            out.xdrEncodeLong(id);
            out.xdrEncodeInt(csSeq);
            out.xdrEncodeInt(0);
            for (int ch = 0; ch < 2; ch++) {
                for (int v : new int[] {0, 1 << 20, 1 << 20, 8192, 16, 4, 0}) {
                    out.xdrEncodeInt(v);
                }
            }
            out.xdrEncodeInt(0x40000000);
            out.xdrEncodeInt(0);
        });
        assertThat(status(s, 43)).isZero();
        return s.fixed(16);
    }

    static Op sequence(byte[] session, int seq) {
        return out -> {
            out.xdrEncodeInt(53);
            out.xdrEncodeOpaque(session, 16);
            out.xdrEncodeInt(seq);
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
            out.xdrEncodeBoolean(false);
        };
    }

    static void skipSequence(XdrReader r) {
        assertThat(status(r, 53)).isZero();
        r.fixed(16);
        for (int i = 0; i < 5; i++) {
            r.i();
        }
    }

    /** OPEN of "reclaimed.txt" for read and write: CLAIM_NULL with UNCHECKED create, or CLAIM_PREVIOUS. */
    static Op open(boolean reclaim) {
        return out -> {
            out.xdrEncodeInt(18);
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(3);
            out.xdrEncodeInt(0);
            out.xdrEncodeLong(0);
            out.xdrEncodeString("owner-1");
            if (reclaim) {
                out.xdrEncodeInt(0);
                out.xdrEncodeInt(1);
                out.xdrEncodeInt(0);
            } else {
                out.xdrEncodeInt(1);
                out.xdrEncodeInt(0);
                out.xdrEncodeInt(0);
                out.xdrEncodeInt(0);
                out.xdrEncodeInt(0);
                out.xdrEncodeString("reclaimed.txt");
            }
        };
    }

    static byte[] openResult(XdrReader r) {
        assertThat(status(r, 18)).isZero();
        return Nfs4Replies.openOk(r);
    }

    @Test
    void anOpenIsReclaimedAfterAGatewayRestart() throws Exception {
        byte[] text = "written before the restart".getBytes(StandardCharsets.UTF_8);
        byte[] fh;
        byte[] oldSession;
        try (RpcTestClient c = connect()) {
            oldSession = session(c);
            int seq = 0;
            XdrReader r;
            // the first start has its grace period too: wait it out as a client would
            do {
                Thread.sleep(seq == 0 ? 0 : 500);
                r = compound(c, sequence(oldSession, ++seq), out -> out.xdrEncodeInt(24), open(false),
                        out -> out.xdrEncodeInt(10));
                skipSequence(r);
                assertThat(status(r, 24)).isZero();
            } while (r.i() == 18 && r.i() == 10013 && seq < 240);
            r = compound(c, sequence(oldSession, ++seq), out -> out.xdrEncodeInt(24), open(false),
                    out -> out.xdrEncodeInt(10));
            skipSequence(r);
            assertThat(status(r, 24)).isZero();
            byte[] sid = openResult(r);
            assertThat(status(r, 10)).isZero();
            fh = r.opaque();
            XdrReader w = compound(c, sequence(oldSession, ++seq), out -> {
                out.xdrEncodeInt(22);
                out.xdrEncodeDynamicOpaque(fh);
            }, out -> {
                out.xdrEncodeInt(38);
                out.xdrEncodeOpaque(sid, 16);
                out.xdrEncodeLong(0);
                out.xdrEncodeInt(2);
                out.xdrEncodeDynamicOpaque(text);
            });
            skipSequence(w);
            assertThat(status(w, 22)).isZero();
            assertThat(status(w, 38)).isZero();
        }
        fx.cluster.stop("nfs");
        // a long grace period for the restart, so the reclaim below is never late
        Path cfg = fx.cluster.layout().config("mfsnfs.cfg");
        Files.writeString(cfg, Files.readString(cfg).replace("NFS4_GRACE_SECONDS = 10", "NFS4_GRACE_SECONDS = 300"));
        fx.cluster.start("nfs");
        fx.cluster.awaitDoor("nfs", Duration.ofSeconds(60));
        try (RpcTestClient c = connect()) {
            XdrReader gone = compound(c, sequence(oldSession, 1000));
            assertThat(status(gone, 53)).as("the old session died with the old instance")
                    .isEqualTo(10052);
            byte[] s = session(c);
            XdrReader fresh = compound(c, sequence(s, 1), out -> out.xdrEncodeInt(24), open(false));
            skipSequence(fresh);
            assertThat(status(fresh, 24)).isZero();
            assertThat(status(fresh, 18)).as("new opens wait for the grace period").isEqualTo(10013);
            XdrReader re = compound(c, sequence(s, 2), out -> {
                out.xdrEncodeInt(22);
                out.xdrEncodeDynamicOpaque(fh);
            }, open(true));
            skipSequence(re);
            assertThat(status(re, 22)).as("the old file handle still works").isZero();
            byte[] sid = openResult(re);
            XdrReader rd = compound(c, sequence(s, 3), out -> {
                out.xdrEncodeInt(22);
                out.xdrEncodeDynamicOpaque(fh);
            }, out -> {
                out.xdrEncodeInt(25);
                out.xdrEncodeOpaque(sid, 16);
                out.xdrEncodeLong(0);
                out.xdrEncodeInt(1000);
            });
            skipSequence(rd);
            assertThat(status(rd, 22)).isZero();
            assertThat(status(rd, 25)).isZero();
            assertThat(rd.b()).isTrue();
            assertThat(rd.opaque()).isEqualTo(text);
        }
    }
}
