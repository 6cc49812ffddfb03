package org.mfsj.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.types.Creds;
import org.mfsj.nfs.XdrReader;

/** NFSv4.0 (RFC 7530): SETCLIENTID/_CONFIRM, RENEW, OPEN_CONFIRM, open-owner sequence ids, RELEASE_LOCKOWNER. */
class Nfs40Test extends Nfs4TestBase {
    long client40;

    /** A COMPOUND of minor version 0; returns the reader at the first result. */
    XdrReader call0(Op... ops) throws Exception {
        XdrReader r = compound(0, List.of(ops));
        r.i();
        r.str();
        r.i();
        return r;
    }

    int status0(Op... ops) throws Exception {
        return compound(0, List.of(ops)).i();
    }

    Op setclientid(String id) {
        return op(35, out -> {
            out.xdrEncodeOpaque(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 8);
            out.xdrEncodeString(id);
            out.xdrEncodeInt(0x40000000);
            out.xdrEncodeString("tcp");
            out.xdrEncodeString("127.0.0.1.3.4");
            out.xdrEncodeInt(1);
        });
    }

    long confirmedClient(String id) throws Exception {
        XdrReader r = call0(setclientid(id));
        assertThat(result(r, 35)).isZero();
        long cid = r.l();
        byte[] verf = r.fixed(8);
        XdrReader c = call0(op(36, out -> {
            out.xdrEncodeLong(cid);
            out.xdrEncodeOpaque(verf, 8);
        }));
        assertThat(result(c, 36)).isZero();
        return cid;
    }

    Op open40(String name, int seqid, String owner) {
        return op(OPEN, out -> {
            out.xdrEncodeInt(seqid);
            out.xdrEncodeInt(3);
            out.xdrEncodeInt(0);
            out.xdrEncodeLong(client40);
            out.xdrEncodeString(owner);
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(0);
            modeAttr(out, 0644);
            out.xdrEncodeInt(0);
            out.xdrEncodeString(name);
        });
    }

    @Test
    void openConfirmMakesTheFirstOpenUsable() throws Exception {
        client40 = confirmedClient("v40-client");
        XdrReader r = call0(op(PUTROOTFH), open40("f", 1, "owner"), op(GETFH));
        result(r, PUTROOTFH);
        assertThat(result(r, OPEN)).isZero();
        byte[] sid = r.fixed(16);
        r.b();
        r.l();
        r.l();
        assertThat(r.i() & 0x2).as("OPEN4_RESULT_CONFIRM").isEqualTo(0x2);
        int words = r.i();
        for (int i = 0; i < words; i++) {
            r.i();
        }
        r.i();
        result(r, GETFH);
        byte[] fh = r.opaque();
        Op read = op(READ, out -> {
            stateid(out, sid);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(10);
        });
        assertThat(status0(putfh(fh), read)).as("unconfirmed").isEqualTo(Nfs4.ERR_BAD_STATEID);
        XdrReader c = call0(putfh(fh), op(20, out -> {
            stateid(out, sid);
            out.xdrEncodeInt(2);
        }));
        result(c, PUTFH);
        assertThat(result(c, 20)).isZero();
        byte[] confirmed = c.fixed(16);
        assertThat(status0(putfh(fh), op(READ, out -> {
            stateid(out, confirmed);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(10);
        }))).isZero();
        assertThat(status0(putfh(fh), op(CLOSE, out -> {
            out.xdrEncodeInt(9);
            stateid(out, confirmed);
        }))).as("owner seqid 9 after 2").isEqualTo(Nfs4.ERR_BAD_SEQID);
        assertThat(status0(putfh(fh), op(CLOSE, out -> {
            out.xdrEncodeInt(3);
            stateid(out, confirmed);
        }))).isZero();
    }

    @Test
    void clientIdsMustBeConfirmedAndRenewed() throws Exception {
        XdrReader r = call0(setclientid("unconfirmed"));
        assertThat(result(r, 35)).isZero();
        long cid = r.l();
        assertThat(status0(op(36, out -> {
            out.xdrEncodeLong(cid);
            out.xdrEncodeOpaque(new byte[8], 8);
        }))).isEqualTo(Nfs4.ERR_STALE_CLIENTID);
        client40 = cid;
        assertThat(status0(op(PUTROOTFH), open40("g", 1, "o"))).isEqualTo(Nfs4.ERR_STALE_CLIENTID);
        assertThat(status0(op(30, out -> out.xdrEncodeLong(987654321L)))).isEqualTo(Nfs4.ERR_STALE_CLIENTID);
        client40 = confirmedClient("renewing");
        assertThat(status0(op(30, out -> out.xdrEncodeLong(client40)))).isZero();
        clock.advance(java.time.Duration.ofSeconds(91));
        assertThat(status0(op(30, out -> out.xdrEncodeLong(client40)))).as("lease lapsed")
                .isEqualTo(Nfs4.ERR_STALE_CLIENTID);
    }

    @Test
    void operationsOfTheOtherMinorVersion() throws Exception {
        XdrReader r = call0(op(PUTROOTFH), sequence(session, 1, 0));
        result(r, PUTROOTFH);
        assertThat(result(r, Nfs4.OP_ILLEGAL)).as("SEQUENCE is not a 4.0 operation").isEqualTo(Nfs4.ERR_OP_ILLEGAL);
        assertThat(status(op(30, out -> out.xdrEncodeLong(clientId)))).as("RENEW in 4.1")
                .isEqualTo(Nfs4.ERR_NOTSUPP);
    }

    @Test
    void releaseLockOwner() throws Exception {
        client40 = confirmedClient("locker");
        gw.fs.create(Creds.ROOT, gw.fs.rootInode(), "h", 0644);
        assertThat(status0(op(39, out -> {
            out.xdrEncodeLong(client40);
            out.xdrEncodeString("never-locked");
        }))).isZero();
        XdrReader r = call0(op(PUTROOTFH), op(LOOKUP, out -> out.xdrEncodeString("h")), op(OPEN, out -> {
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(3);
            out.xdrEncodeInt(0);
            out.xdrEncodeLong(client40);
            out.xdrEncodeString("owner");
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(4);
        }));
        result(r, PUTROOTFH);
        result(r, LOOKUP);
        assertThat(result(r, OPEN)).isZero();
        byte[] sid = r.fixed(16);
        byte[] fh = gw.server.gateway().handle(gw.server.gateway().exports().byPath("/").orElseThrow(),
                gw.fs.lookup(Creds.ROOT, gw.fs.rootInode(), "h"));
        assertThat(status0(putfh(fh), op(12, out -> {
            out.xdrEncodeInt(2);
            out.xdrEncodeBoolean(false);
            out.xdrEncodeLong(0);
            out.xdrEncodeLong(10);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt(2);
            stateid(out, sid);
            out.xdrEncodeInt(0);
            out.xdrEncodeLong(client40);
            out.xdrEncodeString("lock-owner");
        }))).isZero();
        assertThat(status0(op(39, out -> {
            out.xdrEncodeLong(client40);
            out.xdrEncodeString("lock-owner");
        }))).isEqualTo(Nfs4.ERR_LOCKS_HELD);
    }
}
