package org.mfsj.nfs.v4.op;

import java.io.IOException;
import java.util.Optional;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.locks.HeldLock;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.LockState;
import org.mfsj.nfs.v4.state.StateId;
import org.mfsj.nfs.v4.xdr.LockRange4;
import org.mfsj.nfs.v4.xdr.StateIds;

/**
 * LOCK (12): a byte-range lock held by the master (so FUSE mounts and other gateways see it),
 * for an owner new to this file (from its open stateid) or known (from its lock stateid). Never
 * blocks: a conflict is DENIED with the lock in the way, and clients poll, as RFC 8881 9.6 has it.
 */
public final class LockOp implements Nfs4Op<LockOp.Args> {
    /** LOCK4args; {@code stateid} is the open stateid for a new owner, else the lock stateid. */
    public record Args(int locktype, boolean reclaim, long offset, long length, boolean newOwner, StateId stateid,
                       long clientId, byte[] owner) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        int type = in.xdrDecodeInt();
        boolean reclaim = XdrIn.bool(in);
        long offset = in.xdrDecodeLong();
        long length = in.xdrDecodeLong();
        if (XdrIn.bool(in)) {
            in.xdrDecodeInt();
            StateId open = StateIds.decode(in);
            in.xdrDecodeInt();
            long clientId = in.xdrDecodeLong();
            return new Args(type, reclaim, offset, length, true, open, clientId, XdrIn.opaque(in, 1024, "lock owner"));
        }
        StateId lock = StateIds.decode(in);
        in.xdrDecodeInt();
        return new Args(type, reclaim, offset, length, false, lock, 0, null);
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception, MfsException {
        Node n = ReadOp.regularFile(ctx);
        LockType type = LockRange4.type(a.locktype());
        long end = LockRange4.end(a.offset(), a.length());
        boolean grace = ctx.state().inGrace();
        if (grace != a.reclaim()) {
            throw new Nfs4Exception(grace ? Nfs4.ERR_GRACE : Nfs4.ERR_NO_GRACE, "lock reclaim " + a.reclaim());
        }
        LockState l = a.newOwner()
                ? ctx.state().lockStateFor(ctx.stateid(a.stateid()), ctx.clientFor(a.clientId()).id(), a.owner())
                : ctx.state().lockState(ctx.stateid(a.stateid()));
        if (l.inode() != n.inode()) {
            throw new Nfs4Exception(Nfs4.ERR_BAD_STATEID, "stateid of another file");
        }
        try {
            ctx.client().setLock(n.inode(), LockFlavor.POSIX, type, a.offset(), end, l.ownerNumber(), 0, false);
        } catch (MfsException e) {
            if (e.status() != Status.EAGAIN) {
                throw e;
            }
            throw denied(ctx, n.inode(), type, a.offset(), end, l.ownerNumber());
        }
        StateId sid = ctx.state().bump(l);
        ctx.setCurrentStateId(sid);
        return out -> StateIds.encode(out, sid);
    }

    /** DENIED naming the conflicting lock (or the asked range, if it went away meanwhile). */
    static Nfs4Exception denied(CompoundContext ctx, long inode, LockType type, long start, long end, long owner)
            throws MfsException {
        Optional<HeldLock> in = ctx.client().testLock(inode, LockFlavor.POSIX, type, start, end, owner);
        HeldLock held = in.orElse(new HeldLock(type, start, end, new org.mfsj.common.locks.LockOwner(0, 0), 0));
        return new Nfs4Exception(Nfs4.ERR_DENIED, "lock conflict on inode " + inode,
                out -> LockRange4.encodeDenied(out, held));
    }
}
