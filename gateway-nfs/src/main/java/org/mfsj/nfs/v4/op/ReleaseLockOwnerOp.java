package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** RELEASE_LOCKOWNER (39, NFSv4.0): forgets a lock owner with no lock state left (LOCKS_HELD otherwise). */
public final class ReleaseLockOwnerOp implements Nfs4Op<ReleaseLockOwnerOp.Args> {
    /** lock_owner4. */
    public record Args(long clientId, byte[] owner) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(in.xdrDecodeLong(), XdrIn.opaque(in, 1024, "lock owner"));
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception {
        ctx.state().confirmedClient(a.clientId());
        ctx.state().releaseLockOwner(a.clientId(), a.owner());
        return OpBody.EMPTY;
    }
}
