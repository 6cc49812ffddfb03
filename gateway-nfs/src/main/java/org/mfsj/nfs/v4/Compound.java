package org.mfsj.nfs.v4;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.rpc.XdrBytes;
import org.mfsj.nfs.rpc.XdrIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The COMPOUND procedure: decodes every operation first (undecodable arguments are GARBAGE_ARGS
 * for the whole call), then runs them in order until one fails. It only sequences; the rules of
 * sessions it enforces are those about where SEQUENCE stands (RFC 8881 2.10.6, 18.46); minor
 * version 0 (RFC 7530) has no sessions and its own operations for clients and owners. The reply
 * is encoded to bytes so that the slot of the session can keep it for retransmissions.
 */
public final class Compound {
    private static final Logger LOG = LoggerFactory.getLogger(Compound.class);
    private static final int MAX_TAG = 1024;
    /** xid, message type, reply status, null verifier, accept status: counted in the session's limits. */
    private static final int RPC_REPLY_HEADER = 24;
    /** Operations allowed without a SEQUENCE before them, each as the only operation. */
    private static final Set<Integer> SESSIONLESS = Set.of(Nfs4.OP_EXCHANGE_ID, Nfs4.OP_CREATE_SESSION,
            Nfs4.OP_DESTROY_SESSION, Nfs4.OP_DESTROY_CLIENTID);

    /** NFSv4.0 operations that 4.1 replaced by sessions (RFC 8881 2.10.2: NOTSUPP there). */
    private static final Set<Integer> V40_ONLY = Set.of(Nfs4.OP_SETCLIENTID, Nfs4.OP_SETCLIENTID_CONFIRM,
            Nfs4.OP_RENEW, Nfs4.OP_OPEN_CONFIRM, Nfs4.OP_RELEASE_LOCKOWNER);

    /** One decoded operation. */
    record Decoded(int opcode, Nfs4Op<Object> op, Object args) {
    }

    /** A decoded COMPOUND; {@code illegal} marks an unknown operation where decoding stopped. */
    record Request(byte[] tag, int minorVersion, List<Decoded> ops, boolean illegal, boolean tooMany) {
    }

    private record Result(int opcode, int status, OpBody body) {
    }

    private final Map<Integer, Nfs4Op<?>> table;

    public Compound(Map<Integer, Nfs4Op<?>> table) {
        this.table = Map.copyOf(table);
    }

    @SuppressWarnings("unchecked")
    Request decode(XdrDecodingStream in) throws IOException {
        byte[] tag = XdrIn.opaque(in, MAX_TAG, "tag");
        int minor = in.xdrDecodeInt();
        int n = in.xdrDecodeInt();
        if (n < 0 || n > Nfs4.MAX_OPS) {
            return new Request(tag, minor, List.of(), false, true);
        }
        List<Decoded> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int opcode = in.xdrDecodeInt();
            Nfs4Op<Object> op = (Nfs4Op<Object>) table.get(opcode);
            // 4.0 ends at RELEASE_LOCKOWNER: later numbers are not operations there (RFC 7530 16)
            if (op == null || (minor == 0 && opcode > Nfs4.OP_RELEASE_LOCKOWNER)) {
                return new Request(tag, minor, ops, true, false);
            }
            ops.add(new Decoded(opcode, op, op.decode(in)));
        }
        return new Request(tag, minor, ops, false, false);
    }

    /** Runs a decoded COMPOUND; returns the encoded COMPOUND4res. */
    byte[] execute(Request req, CompoundContext ctx) throws IOException {
        List<Result> results = new ArrayList<>();
        int status = Nfs4.OK;
        if (req.minorVersion() != 0 && req.minorVersion() != 1) {
            status = Nfs4.ERR_MINOR_VERS_MISMATCH;
        } else if (req.tooMany()) {
            status = Nfs4.ERR_TOO_MANY_OPS;
        } else {
            status = runAll(req, ctx, results);
            if (ctx.replay() != null) {
                return ctx.replay();
            }
        }
        byte[] reply = encode(status, req.tag(), results);
        CompoundContext.ReplyLimit limit = ctx.replyLimit();
        if (limit != null && RPC_REPLY_HEADER + reply.length > limit.bytes()) {
            reply = cutAtLimit(status, req.tag(), results, limit);
        }
        if (ctx.slot() != null) {
            ctx.slot().finish(reply);
        }
        return reply;
    }

    private static byte[] encode(int status, byte[] tag, List<Result> results) throws IOException {
        return XdrBytes.encode(out -> {
            out.xdrEncodeInt(status);
            out.xdrEncodeDynamicOpaque(tag);
            out.xdrEncodeInt(results.size());
            for (Result r : results) {
                out.xdrEncodeInt(r.opcode());
                out.xdrEncodeInt(r.status());
                r.body().encode(out);
            }
        });
    }

    /**
     * The reply ended at the first result that does not fit the session's limit, which answers
     * REP_TOO_BIG (or _TO_CACHE) instead (RFC 8881 2.10.6.4). Operations before it stand; SEQUENCE
     * made sure its own result fits.
     */
    private static byte[] cutAtLimit(int status, byte[] tag, List<Result> results,
            CompoundContext.ReplyLimit limit) throws IOException {
        int room = limit.bytes() - RPC_REPLY_HEADER - 12 - (tag.length + 3) / 4 * 4 - 8;
        List<Result> kept = new ArrayList<>();
        for (Result r : results) {
            int size = 8 + XdrBytes.encode(r.body()::encode).length;
            if (size > room) {
                kept.add(new Result(r.opcode(), limit.status(), OpBody.EMPTY));
                return encode(limit.status(), tag, kept);
            }
            room -= size;
            kept.add(r);
        }
        return encode(status, tag, kept);
    }

    private int runAll(Request req, CompoundContext ctx, List<Result> results) {
        List<Decoded> ops = req.ops();
        for (int i = 0; i < ops.size(); i++) {
            Decoded d = ops.get(i);
            int misplaced = req.minorVersion() == 0 ? Nfs4.OK : position(d.opcode(), i, ops.size());
            Result r = misplaced != Nfs4.OK ? new Result(d.opcode(), misplaced, OpBody.EMPTY) : run(d, ctx);
            if (i == 0 && ctx.replay() != null) {
                return Nfs4.OK;
            }
            results.add(r);
            if (r.status() != Nfs4.OK) {
                return r.status();
            }
        }
        if (req.illegal()) {
            results.add(new Result(Nfs4.OP_ILLEGAL, Nfs4.ERR_OP_ILLEGAL, OpBody.EMPTY));
            return Nfs4.ERR_OP_ILLEGAL;
        }
        return Nfs4.OK;
    }

    private static int position(int opcode, int index, int count) {
        if (V40_ONLY.contains(opcode)) {
            return Nfs4.ERR_NOTSUPP;
        }
        if (index == 0) {
            if (opcode == Nfs4.OP_SEQUENCE) {
                return Nfs4.OK;
            }
            if (!SESSIONLESS.contains(opcode)) {
                return Nfs4.ERR_OP_NOT_IN_SESSION;
            }
            return count > 1 && opcode != Nfs4.OP_DESTROY_SESSION ? Nfs4.ERR_NOT_ONLY_OP : Nfs4.OK;
        }
        return opcode == Nfs4.OP_SEQUENCE ? Nfs4.ERR_SEQUENCE_POS : Nfs4.OK;
    }

    private Result run(Decoded d, CompoundContext ctx) {
        try {
            return new Result(d.opcode(), Nfs4.OK, d.op().run(ctx, d.args()));
        } catch (Nfs4Exception e) {
            LOG.debug("nfs4 {} op {}: {} {}", ctx.caller(), d.opcode(), e.status(), e.getMessage());
            return new Result(d.opcode(), e.status(), e.body() != null ? e.body() : d.op().failBody());
        } catch (MfsException e) {
            LOG.debug("nfs4 {} op {}: {}", ctx.caller(), d.opcode(), e.getMessage());
            return new Result(d.opcode(), Nfs4Status.of(e.status()), d.op().failBody());
        } catch (RuntimeException e) {
            LOG.error("nfs4 {} op {}: failed", ctx.caller(), d.opcode(), e);
            return new Result(d.opcode(), Nfs4.ERR_SERVERFAULT, d.op().failBody());
        }
    }
}
