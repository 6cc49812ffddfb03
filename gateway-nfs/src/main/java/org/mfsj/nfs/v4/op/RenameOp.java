package org.mfsj.nfs.v4.op;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirChange;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.CompoundContext;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;
import org.mfsj.nfs.v4.Nfs4Op;
import org.mfsj.nfs.v4.OpBody;
import org.mfsj.nfs.v4.xdr.ChangeInfo4;

/** RENAME (29): from the saved directory to the current one, within one export. */
public final class RenameOp implements Nfs4Op<RenameOp.Args> {
    /** RENAME4args. */
    public record Args(String oldName, String newName) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(XdrIn.string(in, XdrIn.MAX_NAME, "oldname"), XdrIn.string(in, XdrIn.MAX_NAME, "newname"));
    }

    @Override
    public OpBody run(CompoundContext ctx, Args a) throws Nfs4Exception, MfsException {
        Node from = ctx.saved();
        Node to = ctx.currentDir();
        if (!from.attr().isDirectory()) {
            throw new Nfs4Exception(Nfs4.ERR_NOTDIR, "saved handle is not a directory");
        }
        if (from.export().id() != to.export().id()) {
            throw new Nfs4Exception(Nfs4.ERR_XDEV, "rename across exports");
        }
        CompoundContext.writable(to);
        CompoundContext.checkName(a.oldName());
        CompoundContext.checkName(a.newName());
        DirChange moved = ctx.gateway().renaming(c -> c.renameWithDirs(ctx.creds(to.export()), from.inode(),
                a.oldName(), to.inode(), a.newName()));
        Attr fromAfter = RemoveOp.afterOrNow(ctx, moved.dir(), from.inode());
        Attr toAfter = from.inode() == to.inode() ? fromAfter : RemoveOp.afterOrNow(ctx, moved.otherDir(), to.inode());
        ChangeInfo4 src = ChangeInfo4.of(from.attr(), fromAfter);
        ChangeInfo4 dst = ChangeInfo4.of(to.attr(), toAfter);
        return out -> {
            src.encode(out);
            dst.encode(out);
        };
    }
}
