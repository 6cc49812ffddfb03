package org.mfsj.nfs.v4.op;

import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** GETFH (10). */
public final class GetFhOp implements Nfs4Op<Void> {
    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public OpBody run(CompoundContext ctx, Void args) throws Nfs4Exception {
        byte[] fh = ctx.currentFh();
        return out -> out.xdrEncodeDynamicOpaque(fh);
    }
}
