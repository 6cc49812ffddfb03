package org.mfsj.nfs.v4.op;

import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.exports.Export;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/**
 * PUTROOTFH (24) and PUTPUBFH (23): the root of the NFSv4 name space is the export of "/" when
 * there is one, otherwise the first export the caller may use (no pseudo file system joins
 * several exports yet: those clients mount by path through LOOKUP from there).
 */
public final class PutRootFhOp implements Nfs4Op<Void> {
    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public OpBody run(CompoundContext ctx, Void args) throws Nfs4Exception, MfsException {
        Export chosen = null;
        for (Export e : ctx.gateway().exports().all()) {
            if (e.admits(ctx.caller().peer()) && (chosen == null || e.path().equals("/"))) {
                chosen = e;
            }
        }
        if (chosen == null) {
            throw new Nfs4Exception(Nfs4.ERR_ACCESS, "no export for " + ctx.caller());
        }
        Attr root = ctx.gateway().exportRoot(chosen);
        ctx.setCurrent(chosen, root);
        return OpBody.EMPTY;
    }
}
