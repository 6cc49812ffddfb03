package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** SECINFO_NO_NAME (52): AUTH_SYS is the one flavour; like SECINFO it consumes the current handle. */
public final class SecinfoNoNameOp implements Nfs4Op<Integer> {
    private static final int AUTH_SYS = 1;
    /** secinfo_style4: SECINFO_STYLE4_PARENT asks about the current directory's parent. */
    private static final int PARENT = 1;
    static final OpBody AUTH_SYS_ONLY = out -> {
        out.xdrEncodeInt(1);
        out.xdrEncodeInt(AUTH_SYS);
    };

    @Override
    public Integer decode(XdrDecodingStream in) throws IOException {
        return XdrIn.choice(in, 1, "secinfo_style4");
    }

    @Override
    public OpBody run(CompoundContext ctx, Integer style) throws Nfs4Exception, MfsException {
        Node n = ctx.current();
        if (style == PARENT && ctx.gateway().isExportRoot(n.export(), n.inode())) {
            throw new Nfs4Exception(Nfs4.ERR_NOENT, "parent of the export root");
        }
        ctx.clearCurrent();
        return AUTH_SYS_ONLY;
    }
}
