package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** DESTROY_CLIENTID (57): only once the client has no sessions left. */
public final class DestroyClientIdOp implements Nfs4Op<Long> {
    @Override
    public Long decode(XdrDecodingStream in) throws IOException {
        return in.xdrDecodeLong();
    }

    @Override
    public OpBody run(CompoundContext ctx, Long id) throws Nfs4Exception {
        ctx.state().destroyClient(id);
        return OpBody.EMPTY;
    }
}
