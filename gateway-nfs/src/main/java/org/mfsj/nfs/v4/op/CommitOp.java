package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** COMMIT (5): forces the file's writes to disk on every chunkserver (fsync) and answers the write verifier. */
public final class CommitOp implements Nfs4Op<Void> {
    @Override
    public Void decode(XdrDecodingStream in) throws IOException {
        in.xdrDecodeLong();
        in.xdrDecodeInt();
        return null;
    }

    @Override
    public OpBody run(CompoundContext ctx, Void args) throws Nfs4Exception, MfsException {
        Node n = ReadOp.regularFile(ctx);
        ctx.gateway().files().commit(n.inode());
        ctx.gateway().attrs().forget(n.inode());
        byte[] verf = ctx.gateway().verifier().current();
        return out -> out.xdrEncodeOpaque(verf, 8);
    }
}
