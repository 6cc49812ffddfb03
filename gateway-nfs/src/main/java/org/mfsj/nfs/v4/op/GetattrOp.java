package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.xdr.Bitmap4;
import org.mfsj.nfs.v4.xdr.Fattr4Codec;

/** GETATTR (9): the asked attributes we support, in a fattr4. */
public final class GetattrOp implements Nfs4Op<Bitmap4> {
    @Override
    public Bitmap4 decode(XdrDecodingStream in) throws IOException {
        return Bitmap4.decode(in);
    }

    @Override
    public OpBody run(CompoundContext ctx, Bitmap4 wanted) throws Nfs4Exception, MfsException {
        Node n = ctx.current();
        byte[] fh = ctx.currentFh();
        byte[] fattr = Fattr4Codec.encode(wanted, source(ctx, n, fh));
        return out -> out.xdrEncodeOpaque(fattr, fattr.length);
    }

    /** Where the attribute values of {@code n} come from; READDIR uses it too. */
    static Fattr4Codec.Source source(CompoundContext ctx, Node n, byte[] fh) {
        return new Fattr4Codec.Source(n.attr(), fh, ctx.gateway().fsid(), ctx.state().leaseSeconds(), ctx.ids(),
                () -> ctx.client().statfs());
    }
}
