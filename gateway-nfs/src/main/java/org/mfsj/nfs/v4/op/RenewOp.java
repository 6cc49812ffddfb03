package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** RENEW (30, NFSv4.0): renews the lease; an expired or unknown client gets STALE_CLIENTID. */
public final class RenewOp implements Nfs4Op<Long> {
    @Override
    public Long decode(XdrDecodingStream in) throws IOException {
        return in.xdrDecodeLong();
    }

    @Override
    public OpBody run(CompoundContext ctx, Long clientId) throws Nfs4Exception {
        ctx.state().confirmedClient(clientId);
        return OpBody.EMPTY;
    }
}
