package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.rpc.GarbageException;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.ClientRecord;
import org.mfsj.nfs.v4.state.Session;

/**
 * CREATE_SESSION (43): confirms the client and opens a session with a slot table of at most
 * {@link #MAX_SLOTS}. Its own sequence id makes a retransmission get the first reply again.
 * No back channel is offered (no delegations, so no callbacks).
 */
public final class CreateSessionOp implements Nfs4Op<CreateSessionOp.Args> {
    public static final int MAX_SLOTS = 64;
    private static final int MAX_MESSAGE = 2 * 1024 * 1024;
    private static final int MAX_OPS = Nfs4.MAX_OPS;

    /** Channel attributes, as asked and as granted. */
    public record Channel(int headerPad, int maxRequest, int maxResponse, int maxResponseCached, int maxOps,
                          int maxRequests) {
        void encode(XdrEncodingStream out) {
            out.xdrEncodeInt(headerPad);
            out.xdrEncodeInt(maxRequest);
            out.xdrEncodeInt(maxResponse);
            out.xdrEncodeInt(maxResponseCached);
            out.xdrEncodeInt(maxOps);
            out.xdrEncodeInt(maxRequests);
            out.xdrEncodeInt(0);
        }

        static Channel decode(XdrDecodingStream in) throws IOException {
            Channel c = new Channel(in.xdrDecodeInt(), in.xdrDecodeInt(), in.xdrDecodeInt(), in.xdrDecodeInt(),
                    in.xdrDecodeInt(), in.xdrDecodeInt());
            int rdma = XdrIn.length(in, 1, "ca_rdma_ird");
            for (int i = 0; i < rdma; i++) {
                in.xdrDecodeInt();
            }
            return c;
        }
    }

    /** CREATE_SESSION4args. */
    public record Args(long clientId, int seq, int flags, Channel fore, Channel back) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        long id = in.xdrDecodeLong();
        int seq = in.xdrDecodeInt();
        int flags = in.xdrDecodeInt();
        Channel fore = Channel.decode(in);
        Channel back = Channel.decode(in);
        in.xdrDecodeInt();
        int secs = XdrIn.length(in, 16, "csa_sec_parms");
        for (int i = 0; i < secs; i++) {
            skipSecParms(in);
        }
        return new Args(id, seq, flags, fore, back);
    }

    private static void skipSecParms(XdrDecodingStream in) throws IOException {
        int flavor = in.xdrDecodeInt();
        switch (flavor) {
            case 0 -> {
            }
            case 1 -> {
                in.xdrDecodeInt();
                XdrIn.opaque(in, 255, "machinename");
                in.xdrDecodeInt();
                in.xdrDecodeInt();
                int n = XdrIn.length(in, 16, "gids");
                for (int i = 0; i < n; i++) {
                    in.xdrDecodeInt();
                }
            }
            case 6 -> {
                in.xdrDecodeInt();
                XdrIn.opaque(in, 1024, "gcbp_handle_from_server");
                XdrIn.opaque(in, 1024, "gcbp_handle_from_client");
            }
            default -> throw new GarbageException("callback security flavor " + flavor);
        }
    }

    /** csa_flags a client may set: persistence, back channel on this connection, RDMA. */
    private static final int CLIENT_FLAGS = 0x1 | 0x2 | 0x4;
    /**
     * Below this a request or reply cannot hold an RPC header, a SEQUENCE (or CB_SEQUENCE) and one
     * small operation; either channel asking for less is TOOSMALL.
     */
    private static final int MIN_MESSAGE = 256;

    private static void tooSmall(String which, Channel ch) throws Nfs4Exception {
        if (ch.maxRequest() < MIN_MESSAGE || ch.maxResponse() < MIN_MESSAGE) {
            throw new Nfs4Exception(Nfs4.ERR_TOOSMALL, which + " channel messages of " + ch.maxRequest() + "/"
                    + ch.maxResponse() + " bytes cannot carry a request");
        }
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception {
        ClientRecord c = ctx.state().client(a.clientId());
        int principal = ctx.caller().creds() == null ? -1 : ctx.caller().creds().uid();
        if (!c.isConfirmed() && c.principal() != principal) {
            throw new Nfs4Exception(Nfs4.ERR_CLID_INUSE, "client id made by another principal");
        }
        if ((a.flags() & ~CLIENT_FLAGS) != 0) {
            throw new Nfs4Exception(Nfs4.ERR_INVAL, "create_session flags " + Integer.toHexString(a.flags()));
        }
        tooSmall("fore", a.fore());
        tooSmall("back", a.back());
        int last = ctx.state().createSessionSeq(c);
        if (a.seq() == last && ctx.state().createSessionReplay(c) instanceof OpBody replay) {
            return replay;
        }
        if (a.seq() != last + 1) {
            throw new Nfs4Exception(Nfs4.ERR_SEQ_MISORDERED, "create_session seq " + a.seq() + " after " + last);
        }
        int slots = Math.max(1, Math.min(MAX_SLOTS, a.fore().maxRequests()));
        // granted as asked, lowered to what we can carry, never raised: the client sized its own
        // buffers by what it asked for, and SEQUENCE holds each COMPOUND to these (RFC 8881 18.36.3)
        Session.Limits limits = new Session.Limits(Math.min(a.fore().maxRequest(), MAX_MESSAGE),
                Math.min(a.fore().maxResponse(), MAX_MESSAGE), Math.min(a.fore().maxResponseCached(), MAX_MESSAGE),
                Math.max(1, Math.min(a.fore().maxOps(), MAX_OPS)));
        Session s = ctx.state().createSession(c, slots, limits);
        Channel fore = new Channel(0, limits.maxRequest(), limits.maxResponse(), limits.maxResponseCached(),
                limits.maxOps(), slots);
        Channel back = new Channel(0, a.back().maxRequest(), a.back().maxResponse(), 0,
                Math.min(a.back().maxOps(), 2), 1);
        byte[] id = s.id();
        OpBody body = out -> {
            out.xdrEncodeOpaque(id, 16);
            out.xdrEncodeInt(a.seq());
            out.xdrEncodeInt(0);
            fore.encode(out);
            back.encode(out);
        };
        ctx.state().createSessionDone(c, a.seq(), body);
        return body;
    }
}
