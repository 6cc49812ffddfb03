package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.StateId;
import org.mfsj.nfs.v4.xdr.StateIds;

/** OPEN_DOWNGRADE (21): fewer share access or deny bits, never more. */
public final class OpenDowngradeOp implements Nfs4Op<OpenDowngradeOp.Args> {
    /** OPEN_DOWNGRADE4args. */
    public record Args(StateId stateid, int seqid, int access, int deny) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(StateIds.decode(in), in.xdrDecodeInt(), in.xdrDecodeInt(), in.xdrDecodeInt());
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception {
        ctx.currentFh();
        StateId named = ctx.stateid(a.stateid());
        if (ctx.minorVersion() == 0) {
            ctx.state().ownerSeqid(named, a.seqid());
        }
        StateId next = ctx.state().downgrade(named, a.access(), a.deny());
        ctx.setCurrentStateId(next);
        return out -> StateIds.encode(out, next);
    }
}
