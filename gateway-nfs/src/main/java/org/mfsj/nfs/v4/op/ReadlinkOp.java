package org.mfsj.nfs.v4.op;

import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.FileType;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;

/** READLINK (27). */
public final class ReadlinkOp implements Nfs4Op<Void> {
    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public OpBody run(CompoundContext ctx, Void args) throws Nfs4Exception, MfsException {
        Node n = ctx.current();
        if (n.attr().type() != FileType.SYMLINK) {
            throw new Nfs4Exception(Nfs4.ERR_INVAL, "inode " + n.inode() + " is not a symlink");
        }
        String target = ctx.client().readlink(n.inode());
        return out -> out.xdrEncodeString(target);
    }
}
