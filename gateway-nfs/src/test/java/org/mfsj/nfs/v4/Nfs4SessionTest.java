package org.mfsj.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.junit.jupiter.api.Test;
import org.mfsj.nfs.XdrReader;

/** EXCHANGE_ID, CREATE_SESSION, SEQUENCE and its slot cache, DESTROY_*, RECLAIM_COMPLETE, leases. */
class Nfs4SessionTest extends Nfs4TestBase {

    @Test
    void aRetransmissionGetsTheKeptReplyByteForByte() throws Exception {
        Op seq1 = sequence(session, 1, 0);
        XdrReader first = call(seq1, op(PUTROOTFH), mkdir("once"));
        byte[] firstBytes = first.bytes();
        assertThat(result(first, SEQUENCE)).isZero();
        XdrReader again = call(seq1, op(PUTROOTFH), mkdir("once"));
        assertThat(again.bytes()).as("replayed from the slot, not executed again (no EXIST)").isEqualTo(firstBytes);
        seq = 1;
        XdrReader next = seqCall(op(PUTROOTFH), mkdir("once"));
        result(next, PUTROOTFH);
        assertThat(result(next, CREATE)).as("a new request does run").isEqualTo(Nfs4.ERR_EXIST);
    }

    @Test
    void sequenceErrors() throws Exception {
        XdrReader skip = call(sequence(session, 2, 0), op(PUTROOTFH));
        assertThat(result(skip, SEQUENCE)).isEqualTo(Nfs4.ERR_SEQ_MISORDERED);
        skip.end();
        XdrReader unknown = call(sequence(new byte[16], 1, 0));
        assertThat(result(unknown, SEQUENCE)).isEqualTo(Nfs4.ERR_BADSESSION);
        XdrReader badSlot = call(sequence(session, 1, 99));
        assertThat(result(badSlot, SEQUENCE)).isEqualTo(Nfs4.ERR_BADSLOT);
        XdrReader noSeq = call(op(PUTROOTFH));
        assertThat(result(noSeq, PUTROOTFH)).isEqualTo(Nfs4.ERR_OP_NOT_IN_SESSION);
        XdrReader late = seqCall(op(PUTROOTFH), sequence(session, 5, 1));
        result(late, PUTROOTFH);
        assertThat(result(late, SEQUENCE)).isEqualTo(Nfs4.ERR_SEQUENCE_POS);
    }

    @Test
    void slotsAreIndependent() throws Exception {
        XdrReader s1 = call(sequence(session, 1, 1), op(PUTROOTFH));
        assertThat(result(s1, SEQUENCE)).isZero();
        XdrReader s0 = call(sequence(session, 1, 0), op(PUTROOTFH));
        assertThat(result(s0, SEQUENCE)).isZero();
    }

    @Test
    void createSessionReplaysAndOrders() throws Exception {
        long id = exchangeId("other-client", 7);
        byte[] s = createSession(id, 1);
        assertThat(createSession(id, 1)).as("replay: same session").isEqualTo(s);
        XdrReader skip = call(createSessionOp(id, 3));
        assertThat(result(skip, CREATE_SESSION)).isEqualTo(Nfs4.ERR_SEQ_MISORDERED);
        XdrReader stale = call(createSessionOp(12345L, 1));
        assertThat(result(stale, CREATE_SESSION)).isEqualTo(Nfs4.ERR_STALE_CLIENTID);
    }

    @Test
    void exchangeIdKnowsAConfirmedClientByOwnerAndVerifier() throws Exception {
        assertThat(exchangeId("test-client", 1)).isEqualTo(clientId);
        assertThat(exchangeId("test-client", 2)).as("a rebooted client gets a new id").isNotEqualTo(clientId);
    }

    @Test
    void destroySessionAndClient() throws Exception {
        XdrReader busy = call(op(DESTROY_CLIENTID, out -> out.xdrEncodeLong(clientId)));
        assertThat(result(busy, DESTROY_CLIENTID)).isEqualTo(Nfs4.ERR_CLIENTID_BUSY);
        XdrReader d = call(op(DESTROY_SESSION, out -> out.xdrEncodeOpaque(session, 16)));
        assertThat(result(d, DESTROY_SESSION)).isZero();
        XdrReader gone = call(sequence(session, 1, 0));
        assertThat(result(gone, SEQUENCE)).isEqualTo(Nfs4.ERR_BADSESSION);
        XdrReader ok = call(op(DESTROY_CLIENTID, out -> out.xdrEncodeLong(clientId)));
        assertThat(result(ok, DESTROY_CLIENTID)).isZero();
        XdrReader again = call(op(DESTROY_CLIENTID, out -> out.xdrEncodeLong(clientId)));
        assertThat(result(again, DESTROY_CLIENTID)).isEqualTo(Nfs4.ERR_STALE_CLIENTID);
    }

    @Test
    void reclaimCompleteOnlyOnce() throws Exception {
        XdrReader r = seqCall(op(RECLAIM_COMPLETE, out -> out.xdrEncodeBoolean(false)));
        assertThat(result(r, RECLAIM_COMPLETE)).isZero();
        r = seqCall(op(RECLAIM_COMPLETE, out -> out.xdrEncodeBoolean(false)));
        assertThat(result(r, RECLAIM_COMPLETE)).isEqualTo(Nfs4.ERR_COMPLETE_ALREADY);
    }

    @Test
    void aLeaseRenewedBySequenceSurvivesAndALapsedOneExpires() throws Exception {
        clock.advance(Duration.ofSeconds(60));
        seqCall(op(PUTROOTFH));
        clock.advance(Duration.ofSeconds(60));
        seqCall(op(PUTROOTFH));
        clock.advance(Duration.ofSeconds(91));
        XdrReader r = call(sequence(session, ++seq, 0));
        assertThat(result(r, SEQUENCE)).isEqualTo(Nfs4.ERR_BADSESSION);
    }

    @Test
    void otherMinorVersionsAreRefused() throws Exception {
        XdrReader r = compound(2, List.of(op(PUTROOTFH)));
        assertThat(r.i()).isEqualTo(Nfs4.ERR_MINOR_VERS_MISMATCH);
        r.str();
        assertThat(r.i()).isZero();
        r.end();
    }

    @Test
    void unknownOperationsAreIllegalAndBadXdrIsGarbage() throws Exception {
        XdrReader r = call(sequence(session, 1, 0), op(9999));
        assertThat(result(r, SEQUENCE)).isZero();
        skipSequence(r);
        assertThat(result(r, Nfs4.OP_ILLEGAL)).isEqualTo(Nfs4.ERR_OP_ILLEGAL);
        assertThatThrownBy(() -> nfs.call(1, out -> {
            out.xdrEncodeString("t");
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(LOOKUP);
            out.xdrEncodeInt(1 << 30);
        })).isInstanceOf(OncRpcException.class).hasMessageContaining("GARBAGE_ARGS");
        XdrReader tooMany = compound(1, java.util.Collections.nCopies(65, op(PUTROOTFH)));
        assertThat(tooMany.i()).isEqualTo(Nfs4.ERR_TOO_MANY_OPS);
        nfs.call(0).end();
    }
}
