package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** RECLAIM_COMPLETE (58): the client has reclaimed what it had; a second one is COMPLETE_ALREADY. */
public final class ReclaimCompleteOp implements Nfs4Op<Boolean> {
    @Override
    public Boolean decode(XdrDecodingStream in) throws IOException {
        return XdrIn.bool(in);
    }

    @Override
    public OpBody run(CompoundContext ctx, Boolean oneFs) throws Nfs4Exception {
        if (oneFs) {
            // per-file-system reclaim ends nothing global; we have one file system per export
            return OpBody.EMPTY;
        }
        ctx.state().reclaimComplete(ctx.sessionClient());
        return OpBody.EMPTY;
    }
}
