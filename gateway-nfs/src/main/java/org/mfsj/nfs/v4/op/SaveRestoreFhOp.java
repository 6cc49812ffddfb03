package org.mfsj.nfs.v4.op;

import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** SAVEFH (32) and RESTOREFH (31). */
public final class SaveRestoreFhOp implements Nfs4Op<Void> {
    private final boolean save;

    public SaveRestoreFhOp(boolean save) {
        this.save = save;
    }

    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public OpBody run(CompoundContext ctx, Void args) throws Nfs4Exception {
        if (save) {
            ctx.save();
        } else {
            ctx.restore();
        }
        return OpBody.EMPTY;
    }
}
