package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.proc.AccessProc;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** ACCESS (3): the bits are NFSv3's, and so is the decision. */
public final class AccessOp implements Nfs4Op<Integer> {
    private static final int ALL = 0x3f;

    @Override
    public Integer decode(XdrDecodingStream in) throws IOException {
        return in.xdrDecodeInt();
    }

    @Override
    public OpBody run(CompoundContext ctx, Integer asked) throws Nfs4Exception, MfsException {
        Node n = ctx.current();
        int supported = asked & ALL;
        int granted = AccessProc.granted(ctx.client(), n.attr(), ctx.creds(n.export()), n.export().readOnly(),
                supported);
        return out -> {
            out.xdrEncodeInt(supported);
            out.xdrEncodeInt(granted);
        };
    }
}
