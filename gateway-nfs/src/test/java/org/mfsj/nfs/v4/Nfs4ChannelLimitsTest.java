package org.mfsj.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.nfs.XdrReader;

/**
 * A session's fore-channel limits as CREATE_SESSION granted them, held for every COMPOUND
 * (RFC 8881 2.10.6.4, 18.36.3): operations per COMPOUND, request size, reply size, kept-reply size.
 */
class Nfs4ChannelLimitsTest extends Nfs4TestBase {

    /** A session of its own with these limits; returns its id and checks what was granted. */
    private byte[] limitedSession(String owner, int maxMessage, int maxCached, int maxOps) throws Exception {
        long id = exchangeId(owner, 1);
        XdrReader r = call(createSessionOp(id, 1, 0, maxMessage, maxCached, maxOps));
        assertThat(result(r, CREATE_SESSION)).isZero();
        byte[] sid = r.fixed(16);
        r.i();
        r.i();
        r.i();
        assertThat(r.i()).as("max request: as asked, not raised").isEqualTo(maxMessage);
        assertThat(r.i()).as("max response").isEqualTo(maxMessage);
        assertThat(r.i()).as("max response cached").isEqualTo(maxCached);
        assertThat(r.i()).as("max operations").isEqualTo(maxOps);
        return sid;
    }

    @Test
    void moreOperationsThanGrantedIsTooManyOpsAndLeavesTheSlotUnused() throws Exception {
        byte[] sid = limitedSession("ops-client", 8192, 8192, 4);
        XdrReader fits = call(sequence(sid, 1, 0), op(PUTROOTFH), op(GETFH), getattr(1));
        assertThat(result(fits, SEQUENCE)).isZero();
        XdrReader over = call(sequence(sid, 2, 0), op(PUTROOTFH), op(GETFH), getattr(1), getattr(1));
        assertThat(result(over, SEQUENCE)).isEqualTo(Nfs4.ERR_TOO_MANY_OPS);
        XdrReader next = call(sequence(sid, 2, 0), op(PUTROOTFH));
        assertThat(result(next, SEQUENCE)).as("sequence id 2 was not used up").isZero();
    }

    @Test
    void aRequestLargerThanGrantedIsReqTooBig() throws Exception {
        byte[] sid = limitedSession("req-client", 512, 512, 8);
        XdrReader small = call(sequence(sid, 1, 0), op(PUTROOTFH), lookup("x"));
        assertThat(result(small, SEQUENCE)).isZero();
        XdrReader big = call(sequence(sid, 2, 0), op(PUTROOTFH), lookup("n".repeat(500)));
        assertThat(result(big, SEQUENCE)).isEqualTo(Nfs4.ERR_REQ_TOO_BIG);
    }

    @Test
    void aReplyLargerThanGrantedEndsAtTheOperationThatOverflows() throws Exception {
        byte[] sid = limitedSession("rep-client", 512, 512, 8);
        Op attrs = getattr(1, 4, 20, 33, 35, 36, 37, 47, 52, 53);
        XdrReader r = compound(1, List.of(sequence(sid, 1, 0), op(PUTROOTFH), attrs, attrs, attrs, attrs,
                attrs));
        assertThat(r.i()).as("COMPOUND status").isEqualTo(Nfs4.ERR_REP_TOO_BIG_TO_CACHE);
        r.str();
        int count = r.i();
        assertThat(count).as("cut short, before the fifth GETATTR").isBetween(3, 6);
        assertThat(r.bytes().length).as("whole reply within the limit").isLessThanOrEqualTo(512);
    }

    @Test
    void aReplyNotToBeKeptIsHeldToTheLargerLimit() throws Exception {
        byte[] sid = limitedSession("uncached-client", 1024, 512, 16);
        Op attrs = getattr(1, 4, 20, 33, 35, 36, 37, 47, 52, 53);
        // each GETATTR result here is about 100 bytes: five make the reply about 640 bytes
        XdrReader kept = compound(1, List.of(sequence(sid, 1, 0, true), op(PUTROOTFH), attrs, attrs, attrs, attrs,
                attrs));
        assertThat(kept.i()).isEqualTo(Nfs4.ERR_REP_TOO_BIG_TO_CACHE);
        XdrReader notKept = compound(1, List.of(sequence(sid, 2, 0, false), op(PUTROOTFH), attrs, attrs, attrs, attrs,
                attrs));
        assertThat(notKept.i()).as("fits 1,024 bytes").isZero();
        XdrReader tooBig = compound(1, List.of(sequence(sid, 3, 0, false), op(PUTROOTFH), attrs, attrs, attrs, attrs,
                attrs, attrs, attrs, attrs, attrs, attrs));
        assertThat(tooBig.i()).isEqualTo(Nfs4.ERR_REP_TOO_BIG);
    }

    @Test
    void aKeptReplyLimitTooSmallForSequenceIsRepTooBigToCache() throws Exception {
        byte[] sid = limitedSession("cache-client", 8192, 10, 8);
        XdrReader r = call(sequence(sid, 1, 0));
        assertThat(result(r, SEQUENCE)).isEqualTo(Nfs4.ERR_REP_TOO_BIG_TO_CACHE);
    }
}
