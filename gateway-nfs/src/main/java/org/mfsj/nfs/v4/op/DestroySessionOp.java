package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** DESTROY_SESSION (44). */
public final class DestroySessionOp implements Nfs4Op<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return XdrIn.fixed(in, 16);
    }

    @Override
    public OpBody run(CompoundContext ctx, byte[] id) throws Nfs4Exception {
        ctx.state().destroySession(id);
        return OpBody.EMPTY;
    }
}
