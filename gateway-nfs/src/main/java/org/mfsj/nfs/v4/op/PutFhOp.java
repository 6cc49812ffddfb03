package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** PUTFH (22): the handle must be one of ours and still name a file (BADHANDLE, STALE). */
public final class PutFhOp implements Nfs4Op<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return XdrIn.opaque(in, Nfs4.FHSIZE, "nfs_fh4");
    }

    @Override
    public OpBody run(CompoundContext ctx, byte[] fh) throws Nfs4Exception, MfsException {
        ctx.node(fh);
        ctx.setCurrent(fh);
        return OpBody.EMPTY;
    }
}
