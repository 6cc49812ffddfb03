package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirChange;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
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
        DirChange removed;
        try {
            removed = ctx.gateway().removal(cl -> cl.unlinkWithDir(c, dir.inode(), name));
        } catch (MfsException e) {
            // REMOVE takes either kind: a directory is told apart by unlink's refusal, not by a lookup first
            if (e.status() != Status.EISDIR) {
                throw e;
            }
            removed = ctx.gateway().change(cl -> cl.rmdirWithDir(c, dir.inode(), name));
        }
        ChangeInfo4 ci = ChangeInfo4.of(dir.attr(), afterOrNow(ctx, removed.dir(), dir.inode()));
        return ci::encode;
    }

    /** The directory's attributes the change reported, or (gone meanwhile) as the master has them now. */
    static Attr afterOrNow(CompoundContext ctx, Attr reported, long dir) throws MfsException {
        return reported != null ? reported : ctx.gateway().getattr(dir);
    }
}
