package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.ClientRecord;

/**
 * SETCLIENTID (35, NFSv4.0): a client id and the verifier to confirm it with. The callback address
 * is read and ignored: no delegations, so no callbacks.
 */
public final class SetClientIdOp implements Nfs4Op<SetClientIdOp.Args> {
    /** SETCLIENTID4args without the callback. */
    public record Args(byte[] verifier, byte[] owner) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        byte[] verifier = XdrIn.fixed(in, 8);
        byte[] owner = XdrIn.opaque(in, 1024, "nfs_client_id4 id");
        in.xdrDecodeInt();
        XdrIn.string(in, 64, "r_netid");
        XdrIn.string(in, 128, "r_addr");
        in.xdrDecodeInt();
        return new Args(verifier, owner);
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception {
        if (a.owner().length == 0) {
            throw new Nfs4Exception(Nfs4.ERR_INVAL, "empty client id");
        }
        ClientRecord c = ctx.state().setClientId(a.owner(), a.verifier());
        byte[] confirm = ctx.state().confirmVerifier(c);
        return out -> {
            out.xdrEncodeLong(c.id());
            out.xdrEncodeOpaque(confirm, 8);
        };
    }
}
