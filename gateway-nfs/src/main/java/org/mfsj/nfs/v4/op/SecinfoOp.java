package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/**
 * SECINFO (33): the flavours a name in the current directory may be reached with (AUTH_SYS, the
 * one we take); the name must exist, and the current file handle is consumed (RFC 8881 2.6.3.1.1).
 */
public final class SecinfoOp implements Nfs4Op<String> {
    @Override
    public String decode(XdrDecodingStream in) throws IOException {
        return XdrIn.string(in, XdrIn.MAX_NAME, "component4");
    }

    @Override
    public OpBody run(CompoundContext ctx, String name) throws org.mfsj.nfs.v4.Nfs4Exception, MfsException {
        Node dir = ctx.currentDir();
        CompoundContext.checkName(name);
        ctx.gateway().lookup(ctx.creds(dir.export()), dir.inode(), name);
        ctx.clearCurrent();
        return SecinfoNoNameOp.AUTH_SYS_ONLY;
    }
}
