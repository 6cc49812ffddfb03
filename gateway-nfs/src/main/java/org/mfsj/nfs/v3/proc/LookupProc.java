package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.DirOp3;
import org.mfsj.nfs.v3.xdr.LookupReply3;
import org.mfsj.nfs.v3.xdr.Reply3;

/** Procedure 3: a name in a directory; ".." of an export's root is the root itself. */
public final class LookupProc implements Nfs3Procedure<DirOp3> {
    @Override
    public DirOp3 decode(XdrDecodingStream in) throws IOException {
        return DirOp3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, DirOp3 a) throws Nfs3Exception, MfsException {
        Node dir = call.dir(a.dir());
        Nfs3Call.checkName(a.name());
        Attr obj;
        if (a.name().equals(".") || (a.name().equals("..") && call.gateway().isExportRoot(dir.export(), dir.inode()))) {
            obj = dir.attr();
        } else {
            obj = call.gateway().lookup(call.creds(dir.export()), dir.inode(), a.name());
        }
        return new LookupReply3(call.handle(dir.export(), obj), obj, dir.attr(), call.fsid());
    }

    @Override
    public int failWords() {
        return 1;
    }
}
