package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v3.Nfs3;

/** CREATE3args: attributes for UNCHECKED and GUARDED, a verifier for EXCLUSIVE. */
public record CreateArgs3(DirOp3 where, int how, Sattr3 attrs, byte[] verifier) {
    public static CreateArgs3 decode(XdrDecodingStream in) throws IOException {
        DirOp3 where = DirOp3.decode(in);
        int how = XdrIn.choice(in, Nfs3.CREATE_EXCLUSIVE, "createmode3");
        if (how == Nfs3.CREATE_EXCLUSIVE) {
            return new CreateArgs3(where, how, null, XdrIn.fixed(in, 8));
        }
        return new CreateArgs3(where, how, Sattr3.decode(in), null);
    }

    public void encode(XdrEncodingStream out) {
        where.encode(out);
        out.xdrEncodeInt(how);
        if (how == Nfs3.CREATE_EXCLUSIVE) {
            out.xdrEncodeOpaque(verifier, 8);
        } else {
            attrs.encode(out);
        }
    }
}
