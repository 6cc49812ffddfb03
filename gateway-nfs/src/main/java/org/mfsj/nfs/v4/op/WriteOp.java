package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.fs.Permissions;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.state.StateId;
import org.mfsj.nfs.v4.xdr.StateIds;

/** WRITE (38): as NFSv3's WRITE (UNSTABLE buffered, stable forced to disk: fsync), under an open stateid. */
public final class WriteOp implements Nfs4Op<WriteOp.Args> {
    /** WRITE4args. */
    public record Args(StateId stateid, long offset, int stable, byte[] data) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        StateId sid = StateIds.decode(in);
        long offset = in.xdrDecodeLong();
        int stable = XdrIn.choice(in, Nfs3.FILE_SYNC, "stable_how4");
        return new Args(sid, offset, stable, XdrIn.opaque(in, Nfs3.MAX_IO, "write data"));
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception, MfsException {
        Node n = ReadOp.regularFile(ctx);
        CompoundContext.writable(n);
        ctx.state().checkIo(ctx.stateid(a.stateid()), n.inode(), true);
        if (!Permissions.allowsIo(ctx.client(), n.attr(), ctx.creds(n.export()), true)) {
            throw new Nfs4Exception(Nfs4.ERR_ACCESS, "write of inode " + n.inode());
        }
        if (a.offset() < 0 || a.offset() + a.data().length < 0) {
            throw new Nfs4Exception(Nfs4.ERR_FBIG, "write at " + Long.toUnsignedString(a.offset()));
        }
        boolean sync = a.stable() != Nfs3.UNSTABLE;
        ctx.gateway().files().write(n.inode(), h -> {
            h.write(a.offset(), a.data(), 0, a.data().length);
            if (sync) {
                h.fsync();
            }
            return null;
        });
        // length and times moved: the next GETATTR asks the session, which knows the unflushed length
        ctx.gateway().attrs().forget(n.inode());
        byte[] verf = ctx.gateway().verifier().current();
        return out -> {
            out.xdrEncodeInt(a.data().length);
            out.xdrEncodeInt(sync ? Nfs3.FILE_SYNC : Nfs3.UNSTABLE);
            out.xdrEncodeOpaque(verf, 8);
        };
    }
}
