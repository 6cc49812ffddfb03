package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.OpenState;
import org.mfsj.nfs.v4.state.StateId;
import org.mfsj.nfs.v4.xdr.StateIds;

/** CLOSE (4): ends an open; its buffered writes are flushed first (close-to-open consistency). */
public final class CloseOp implements Nfs4Op<StateId> {
    @Override
    public StateId decode(XdrDecodingStream in) throws IOException {
        in.xdrDecodeInt();
        return StateIds.decode(in);
    }

    @Override
    public OpBody run(CompoundContext ctx, StateId sid) throws Nfs4Exception, MfsException {
        ctx.currentFh();
        OpenState o = ctx.state().openState(sid);
        ctx.gateway().files().commit(o.inode());
        StateId closed = ctx.state().close(sid);
        return out -> StateIds.encode(out, closed);
    }
}
