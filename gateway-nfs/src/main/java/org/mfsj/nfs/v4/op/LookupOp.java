package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** LOOKUP (15) of a name, and LOOKUPP (16): the parent, NOENT at the root of an export. */
public final class LookupOp implements Nfs4Op<String> {
    private final boolean parent;

    public LookupOp(boolean parent) {
        this.parent = parent;
    }

    @Override
    public String decode(XdrDecodingStream in) throws IOException {
        return parent ? ".." : XdrIn.string(in, XdrIn.MAX_NAME, "component4");
    }

    @Override
    public OpBody run(CompoundContext ctx, String name) throws Nfs4Exception, MfsException {
        Node dir = ctx.currentDir();
        if (parent) {
            if (ctx.gateway().isExportRoot(dir.export(), dir.inode())) {
                throw new Nfs4Exception(Nfs4.ERR_NOENT, "parent of the export root");
            }
        } else {
            CompoundContext.checkName(name);
        }
        Attr a = ctx.gateway().lookup(ctx.creds(dir.export()), dir.inode(), name);
        ctx.setCurrent(dir.export(), a);
        return OpBody.EMPTY;
    }
}
