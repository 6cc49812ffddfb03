package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.locks.LockType;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.LockState;
import org.mfsj.nfs.v4.state.StateId;
import org.mfsj.nfs.v4.xdr.LockRange4;
import org.mfsj.nfs.v4.xdr.StateIds;

/** LOCKU (14): releases a range at the master. */
public final class UnlockOp implements Nfs4Op<UnlockOp.Args> {
    /** LOCKU4args. */
    public record Args(int locktype, StateId stateid, long offset, long length) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        int type = in.xdrDecodeInt();
        in.xdrDecodeInt();
        return new Args(type, StateIds.decode(in), in.xdrDecodeLong(), in.xdrDecodeLong());
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception, MfsException {
        Node n = ReadOp.regularFile(ctx);
        LockRange4.type(a.locktype());
        long end = LockRange4.end(a.offset(), a.length());
        LockState l = ctx.state().lockState(ctx.stateid(a.stateid()));
        if (l.inode() != n.inode()) {
            throw new Nfs4Exception(Nfs4.ERR_BAD_STATEID, "stateid of another file");
        }
        ctx.client().setLock(n.inode(), LockFlavor.POSIX, LockType.UNLOCK, a.offset(), end, l.ownerNumber(), 0, false);
        StateId sid = ctx.state().bump(l);
        ctx.setCurrentStateId(sid);
        return out -> StateIds.encode(out, sid);
    }
}
