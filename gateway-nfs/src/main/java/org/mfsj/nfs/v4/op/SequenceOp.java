package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.Session;

/**
 * SEQUENCE (53): names the session and slot of this COMPOUND. The next sequence id executes; the
 * current one is a retransmission and gets the kept reply; anything else is misordered. It also
 * renews the client's lease.
 */
public final class SequenceOp implements Nfs4Op<SequenceOp.Args> {
    /** SEQUENCE4args. */
    public record Args(byte[] sessionId, int seq, int slot, int highestSlot, boolean cacheThis) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(XdrIn.fixed(in, 16), in.xdrDecodeInt(), in.xdrDecodeInt(), in.xdrDecodeInt(), XdrIn.bool(in));
    }

    /** A COMPOUND holding SEQUENCE's reply and one more result: RPC reply header, tag, counts, results. */
    private static final int SMALLEST_REPLY = 24 + 12 + 8 + 44 + 8;

    /**
     * Holds the COMPOUND to what the session's fore channel granted, before the slot is touched
     * (a refused request does not use up its sequence id).
     */
    private static void checkLimits(CompoundContext ctx, Session.Limits l, boolean cacheThis) throws Nfs4Exception {
        if (ctx.opCount() > l.maxOps()) {
            throw new Nfs4Exception(Nfs4.ERR_TOO_MANY_OPS, ctx.opCount() + " operations, session allows " + l.maxOps());
        }
        if (ctx.requestBytes() > l.maxRequest()) {
            throw new Nfs4Exception(Nfs4.ERR_REQ_TOO_BIG, ctx.requestBytes() + " bytes, session allows "
                    + l.maxRequest());
        }
        if (cacheThis && l.maxResponseCached() < SMALLEST_REPLY) {
            throw new Nfs4Exception(Nfs4.ERR_REP_TOO_BIG_TO_CACHE, "kept replies limited to "
                    + l.maxResponseCached() + " bytes");
        }
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception {
        Session s = ctx.state().session(a.sessionId());
        checkLimits(ctx, s.limits(), a.cacheThis());
        if (a.slot() < 0 || a.slot() >= s.slotCount()) {
            throw new Nfs4Exception(Nfs4.ERR_BADSLOT, "slot " + a.slot() + " of " + s.slotCount());
        }
        Session.Slot slot = s.slot(a.slot());
        if (!slot.begin(a.seq())) {
            if (slot.isBusy()) {
                throw new Nfs4Exception(Nfs4.ERR_DELAY, "slot " + a.slot() + " is still executing");
            }
            if (a.seq() != slot.seqid()) {
                throw new Nfs4Exception(Nfs4.ERR_SEQ_MISORDERED, "seq " + a.seq() + " on slot " + a.slot()
                        + " at " + slot.seqid());
            }
            byte[] kept = slot.reply();
            if (kept == null) {
                throw new Nfs4Exception(Nfs4.ERR_RETRY_UNCACHED_REP, "no reply kept for slot " + a.slot());
            }
            ctx.replay(kept);
            return OpBody.EMPTY;
        }
        ctx.sequenced(s, slot, a.cacheThis());
        ctx.state().renew(s.client());
        int highest = s.slotCount() - 1;
        return out -> {
            out.xdrEncodeOpaque(a.sessionId(), 16);
            out.xdrEncodeInt(a.seq());
            out.xdrEncodeInt(a.slot());
            out.xdrEncodeInt(highest);
            out.xdrEncodeInt(highest);
            out.xdrEncodeInt(0);
        };
    }
}
