package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** SETCLIENTID_CONFIRM (36, NFSv4.0): confirms the client id with SETCLIENTID's verifier. */
public final class SetClientIdConfirmOp implements Nfs4Op<SetClientIdConfirmOp.Args> {
    /** SETCLIENTID_CONFIRM4args. */
    public record Args(long clientId, byte[] verifier) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(in.xdrDecodeLong(), XdrIn.fixed(in, 8));
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception {
        ctx.state().confirm(a.clientId(), a.verifier());
        return OpBody.EMPTY;
    }
}
