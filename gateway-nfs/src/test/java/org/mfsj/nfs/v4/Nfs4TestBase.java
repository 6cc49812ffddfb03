package org.mfsj.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mfsj.nfs.GatewayFixture;
import org.mfsj.nfs.Nfs4Replies;
import org.mfsj.nfs.RpcTestClient;
import org.mfsj.nfs.TestClock;
import org.mfsj.nfs.XdrReader;

/**
 * A gateway per test on a manual clock, an NFSv4 client, and COMPOUNDs written by hand: each
 * operation is its number and its arguments word by word, as RFC 8881 lays them out.
 */
abstract class Nfs4TestBase {
    static final int ACCESS = 3;
    static final int CLOSE = 4;
    static final int COMMIT = 5;
    static final int CREATE = 6;
    static final int DELEGRETURN = 8;
    static final int GETATTR = 9;
    static final int GETFH = 10;
    static final int LINK = 11;
    static final int LOOKUP = 15;
    static final int LOOKUPP = 16;
    static final int OPEN = 18;
    static final int OPEN_DOWNGRADE = 21;
    static final int PUTFH = 22;
    static final int PUTROOTFH = 24;
    static final int READ = 25;
    static final int READDIR = 26;
    static final int READLINK = 27;
    static final int REMOVE = 28;
    static final int RENAME = 29;
    static final int RESTOREFH = 31;
    static final int SAVEFH = 32;
    static final int SETATTR = 34;
    static final int WRITE = 38;
    static final int EXCHANGE_ID = 42;
    static final int CREATE_SESSION = 43;
    static final int DESTROY_SESSION = 44;
    static final int FREE_STATEID = 45;
    static final int SECINFO_NO_NAME = 52;
    static final int SEQUENCE = 53;
    static final int TEST_STATEID = 55;
    static final int DESTROY_CLIENTID = 57;
    static final int RECLAIM_COMPLETE = 58;

    final TestClock clock = new TestClock();
    GatewayFixture gw;
    RpcTestClient nfs;
    long clientId;
    byte[] session;
    int seq;

    /** Grace period of the gateway under test; none unless a test class says otherwise. */
    Duration grace() {
        return Duration.ZERO;
    }

    @BeforeEach
    void start() throws Exception {
        gw = new GatewayFixture(clock, grace());
        nfs = new RpcTestClient(gw.server.nfsAddress(), 100003, 4);
        clientId = exchangeId("test-client", 1);
        session = createSession(clientId, 1);
    }

    @AfterEach
    void stop() throws IOException {
        nfs.close();
        gw.close();
    }

    /** One operation of a COMPOUND. */
    interface Op {
        void write(XdrEncodingStream out);
    }

    static Op op(int opcode, RpcTestClient.Args args) {
        return out -> {
            out.xdrEncodeInt(opcode);
            args.write(out);
        };
    }

    static Op op(int opcode) {
        return out -> out.xdrEncodeInt(opcode);
    }

    XdrReader compound(int minor, List<Op> ops) throws IOException {
        return nfs.call(1, out -> {
            out.xdrEncodeString("test");
            out.xdrEncodeInt(minor);
            out.xdrEncodeInt(ops.size());
            ops.forEach(o -> o.write(out));
        });
    }

    /** Sends the ops; reads the overall status, tag and count; returns the reader at the first result. */
    XdrReader call(Op... ops) throws IOException {
        XdrReader r = compound(1, List.of(ops));
        r.i();
        assertThat(r.str()).isEqualTo("test");
        r.i();
        return r;
    }

    /** A COMPOUND headed by SEQUENCE on slot 0 with the next sequence id; returns the reader after SEQUENCE. */
    XdrReader seqCall(Op... ops) throws IOException {
        Op[] all = new Op[ops.length + 1];
        all[0] = sequence(session, ++seq, 0);
        System.arraycopy(ops, 0, all, 1, ops.length);
        XdrReader r = call(all);
        assertThat(result(r, SEQUENCE)).as("SEQUENCE").isZero();
        skipSequence(r);
        return r;
    }

    /** Runs the ops after SEQUENCE and returns the COMPOUND's status: that of the last op that ran. */
    int status(Op... ops) throws IOException {
        Op[] all = new Op[ops.length + 1];
        all[0] = sequence(session, ++seq, 0);
        System.arraycopy(ops, 0, all, 1, ops.length);
        return compound(1, List.of(all)).i();
    }

    /** Reads one result's opcode (checked) and status. */
    static int result(XdrReader r, int opcode) {
        assertThat(r.i()).as("opcode").isEqualTo(opcode);
        return r.i();
    }

    static void skipSequence(XdrReader r) {
        r.fixed(16);
        for (int i = 0; i < 5; i++) {
            r.i();
        }
    }

    static Op sequence(byte[] sessionId, int seqid, int slot) {
        return sequence(sessionId, seqid, slot, true);
    }

    /** SEQUENCE asking (or not) for its reply to be kept for retransmissions. */
    static Op sequence(byte[] sessionId, int seqid, int slot, boolean cacheThis) {
        return op(SEQUENCE, out -> {
            out.xdrEncodeOpaque(sessionId, 16);
            out.xdrEncodeInt(seqid);
            out.xdrEncodeInt(slot);
            out.xdrEncodeInt(slot);
            out.xdrEncodeBoolean(cacheThis);
        });
    }

    long exchangeId(String owner, int verifier) throws IOException {
        XdrReader r = call(op(EXCHANGE_ID, out -> {
            out.xdrEncodeOpaque(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) verifier}, 8);
            out.xdrEncodeString(owner);
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
        }));
        assertThat(result(r, EXCHANGE_ID)).isZero();
        return r.l();
    }

    static Op createSessionOp(long id, int csSeq) {
        return createSessionOp(id, csSeq, 0, 1 << 20);
    }

    /** CREATE_SESSION with csa_flags and both channels' largest request and reply. */
    static Op createSessionOp(long id, int csSeq, int flags, int maxMessage) {
        return createSessionOp(id, csSeq, flags, maxMessage, maxMessage, 16);
    }

    /** CREATE_SESSION asking both channels for these limits (RFC 8881 channel_attrs4). */
    static Op createSessionOp(long id, int csSeq, int flags, int maxMessage, int maxCached, int maxOps) {
        return op(CREATE_SESSION, out -> {
            out.xdrEncodeLong(id);
            out.xdrEncodeInt(csSeq);
            out.xdrEncodeInt(flags);
            for (int ch = 0; ch < 2; ch++) {
                out.xdrEncodeInt(0);
                out.xdrEncodeInt(maxMessage);
                out.xdrEncodeInt(maxMessage);
                out.xdrEncodeInt(maxCached);
                out.xdrEncodeInt(maxOps);
                out.xdrEncodeInt(8);
                out.xdrEncodeInt(0);
            }
            out.xdrEncodeInt(0x40000000);
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(0);
        });
    }

    byte[] createSession(long id, int csSeq) throws IOException {
        XdrReader r = call(createSessionOp(id, csSeq));
        assertThat(result(r, CREATE_SESSION)).isZero();
        return r.fixed(16);
    }

    static Op putfh(byte[] fh) {
        return op(PUTFH, out -> out.xdrEncodeDynamicOpaque(fh));
    }

    static Op lookup(String name) {
        return op(LOOKUP, out -> out.xdrEncodeString(name));
    }

    static Op getattr(int... bits) {
        return op(GETATTR, out -> bitmap(out, bits));
    }

    static void bitmap(XdrEncodingStream out, int... bits) {
        int[] words = new int[3];
        for (int b : bits) {
            words[b / 32] |= 1 << (b % 32);
        }
        out.xdrEncodeInt(3);
        for (int w : words) {
            out.xdrEncodeInt(w);
        }
    }

    /** fattr4 with only a mode. */
    static void modeAttr(XdrEncodingStream out, int mode) {
        bitmap(out, 33);
        out.xdrEncodeInt(4);
        out.xdrEncodeInt(mode);
    }

    static Op mkdir(String name) {
        return op(CREATE, out -> {
            out.xdrEncodeInt(2);
            out.xdrEncodeString(name);
            modeAttr(out, 0755);
        });
    }

    /** PUTROOTFH, then GETFH: the root handle. */
    byte[] rootFh() throws IOException {
        XdrReader r = seqCall(op(PUTROOTFH), op(GETFH));
        assertThat(result(r, PUTROOTFH)).isZero();
        assertThat(result(r, GETFH)).isZero();
        return r.opaque();
    }

    /**
     * OPEN by name in {@code dir} (creating UNCHECKED when {@code create}), returning the stateid
     * as its seqid followed by 12 bytes, and leaving the handle in {@code fhOut[0]}.
     */
    byte[] open(byte[] dir, String name, boolean create, int access, int deny, String owner, byte[][] fhOut)
            throws IOException {
        XdrReader r = seqCall(putfh(dir), openOp(name, create, access, deny, owner), op(GETFH));
        assertThat(result(r, PUTFH)).isZero();
        int status = result(r, OPEN);
        assertThat(status).as("OPEN " + name).isZero();
        byte[] sid = Nfs4Replies.openOk(r);
        assertThat(result(r, GETFH)).isZero();
        fhOut[0] = r.opaque();
        return sid;
    }

    static Op openOp(String name, boolean create, int access, int deny, String owner) {
        return op(OPEN, out -> {
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(access);
            out.xdrEncodeInt(deny);
            out.xdrEncodeLong(0);
            out.xdrEncodeString(owner);
            out.xdrEncodeInt(create ? 1 : 0);
            if (create) {
                out.xdrEncodeInt(0);
                modeAttr(out, 0644);
            }
            out.xdrEncodeInt(0);
            out.xdrEncodeString(name);
        });
    }

    static void stateid(XdrEncodingStream out, byte[] sid) {
        out.xdrEncodeOpaque(sid, 16);
    }
}
