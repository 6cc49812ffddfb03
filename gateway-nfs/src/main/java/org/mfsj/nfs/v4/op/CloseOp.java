package org.mfsj.nfs.v4.op;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.locks.LockFlavor;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.LockState;
import org.mfsj.nfs.v4.state.OpenState;
import org.mfsj.nfs.v4.state.StateId;
import org.mfsj.nfs.v4.xdr.StateIds;

/**
 * CLOSE (4): ends an open; its buffered writes are flushed first (close-to-open consistency) and
 * the byte-range locks taken under it are released at the master.
 */
public final class CloseOp implements Nfs4Op<CloseOp.Args> {
    /** CLOSE4args: the owner's sequence id (4.0 only) and the open stateid. */
    public record Args(int seqid, StateId stateid) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(in.xdrDecodeInt(), StateIds.decode(in));
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception, MfsException {
        ctx.currentFh();
        StateId sid = ctx.stateid(a.stateid());
        if (ctx.minorVersion() == 0) {
            ctx.state().ownerSeqid(sid, a.seqid());
        }
        OpenState o = ctx.state().openState(sid);
        ctx.gateway().files().flush(o.inode());
        ctx.gateway().attrs().forget(o.inode());
        List<LockState> released = new ArrayList<>();
        StateId closed = ctx.state().close(sid, released);
        for (LockState l : released) {
            ctx.client().releaseLocks(l.inode(), LockFlavor.POSIX, l.ownerNumber());
        }
        return out -> StateIds.encode(out, closed);
    }
}
