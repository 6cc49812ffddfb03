package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirChange;
import org.mfsj.common.types.Attr;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.RenameArgs3;
import org.mfsj.nfs.v3.xdr.RenameReply3;
import org.mfsj.nfs.v3.xdr.Reply3;
import org.mfsj.nfs.v3.xdr.Wcc3;

/** Procedure 14: rename within one export (exports are separate file systems to clients: XDEV). */
public final class RenameProc implements Nfs3Procedure<RenameArgs3> {
    @Override
    public RenameArgs3 decode(XdrDecodingStream in) throws IOException {
        return RenameArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, RenameArgs3 a) throws Nfs3Exception, MfsException {
        Node from = call.writableDir(a.from().dir());
        Node to = call.writableDir(a.to().dir());
        if (from.export().id() != to.export().id()) {
            throw new Nfs3Exception(Nfs3.ERR_XDEV, "rename from export " + from.export().path() + " to "
                    + to.export().path());
        }
        for (String name : new String[] {a.from().name(), a.to().name()}) {
            Nfs3Call.checkName(name);
            if (name.equals(".") || name.equals("..")) {
                throw new Nfs3Exception(Nfs3.ERR_INVAL, "rename of '" + name + "'");
            }
        }
        DirChange moved = call.gateway().renaming(c -> c.renameWithDirs(call.creds(from.export()), from.inode(),
                a.from().name(), to.inode(), a.to().name()));
        Attr toAfter = from.inode() == to.inode() ? moved.dir() : moved.otherDir();
        return new RenameReply3(new Wcc3(from.attr(), moved.dir(), call.fsid()),
                new Wcc3(to.attr(), toAfter, call.fsid()));
    }

    @Override
    public int failWords() {
        return 4;
    }
}
