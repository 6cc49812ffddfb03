package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.StateId;
import org.mfsj.nfs.v4.xdr.StateIds;

/** OPEN_CONFIRM (20, NFSv4.0): the first open of a new open owner becomes usable. */
public final class OpenConfirmOp implements Nfs4Op<OpenConfirmOp.Args> {
    /** OPEN_CONFIRM4args. */
    public record Args(StateId stateid, int seqid) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(StateIds.decode(in), in.xdrDecodeInt());
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception {
        ctx.currentFh();
        ctx.state().ownerSeqid(a.stateid(), a.seqid());
        StateId confirmed = ctx.state().confirmOpen(a.stateid());
        return out -> StateIds.encode(out, confirmed);
    }
}
