package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirChange;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.xdr.ChangeInfo4;

/** LINK (11): a new name in the current directory for the saved file. */
public final class LinkOp implements Nfs4Op<String> {
    @Override
    public String decode(XdrDecodingStream in) throws IOException {
        return XdrIn.string(in, XdrIn.MAX_NAME, "newname");
    }

    @Override
    public OpBody run(CompoundContext ctx, String name) throws Nfs4Exception, MfsException {
        Node file = ctx.saved();
        Node dir = ctx.currentDir();
        if (file.export().id() != dir.export().id()) {
            throw new Nfs4Exception(Nfs4.ERR_XDEV, "link across exports");
        }
        if (file.attr().isDirectory()) {
            throw new Nfs4Exception(Nfs4.ERR_ISDIR, "hard link to a directory");
        }
        CompoundContext.writable(dir);
        CompoundContext.checkName(name);
        DirChange linked = ctx.gateway().change(c -> c.linkWithDir(ctx.creds(dir.export()), file.inode(), dir.inode(),
                name));
        ChangeInfo4 ci = ChangeInfo4.of(dir.attr(), RemoveOp.afterOrNow(ctx, linked.dir(), dir.inode()));
        return ci::encode;
    }
}
