package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.xdr.ChangeInfo4;

/** REMOVE (28): a file or an empty directory from the current directory. */
public final class RemoveOp implements Nfs4Op<String> {
    @Override
    public String decode(XdrDecodingStream in) throws IOException {
        return XdrIn.string(in, XdrIn.MAX_NAME, "component4");
    }

    @Override
    public OpBody run(CompoundContext ctx, String name) throws Nfs4Exception, MfsException {
        Node dir = ctx.currentDir();
        CompoundContext.writable(dir);
        CompoundContext.checkName(name);
        Creds c = ctx.creds(dir.export());
        Attr victim = ctx.client().lookup(c, dir.inode(), name);
        if (victim.isDirectory()) {
            ctx.client().rmdir(c, dir.inode(), name);
        } else {
            ctx.client().unlink(c, dir.inode(), name);
        }
        ChangeInfo4 ci = ChangeInfo4.of(dir.attr(), ctx.client().getattr(dir.inode()));
        return ci::encode;
    }
}
