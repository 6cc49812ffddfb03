package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.StateId;
import org.mfsj.nfs.v4.xdr.Bitmap4;
import org.mfsj.nfs.v4.xdr.Sattr4;
import org.mfsj.nfs.v4.xdr.StateIds;

/** SETATTR (34): a size change needs a stateid that allows writing (or a special one). */
public final class SetattrOp implements Nfs4Op<SetattrOp.Args> {
    /** SETATTR4args. */
    public record Args(StateId stateid, Sattr4 attrs) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(StateIds.decode(in), Sattr4.decode(in));
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception, MfsException {
        Node n = ctx.current();
        CompoundContext.writable(n);
        SetAttrRequest change = ctx.change(a.attrs());
        if (change.changesLength()) {
            ctx.state().checkIo(ctx.stateid(a.stateid()), n.inode(), true);
        }
        if (change.mask() != 0) {
            ctx.gateway().setattr(ctx.creds(n.export()), n.inode(), change);
        }
        return a.attrs().bits()::encode;
    }

    /** The failure reply still carries a bitmap: what was set, which is nothing. */
    @Override
    public OpBody failBody() {
        return Bitmap4.EMPTY::encode;
    }
}
