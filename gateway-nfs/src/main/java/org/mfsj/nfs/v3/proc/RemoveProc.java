package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirChange;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.DirOp3;
import org.mfsj.nfs.v3.xdr.Reply3;
import org.mfsj.nfs.v3.xdr.Wcc3;
import org.mfsj.nfs.v3.xdr.WccReply3;

/** Procedures 12 (REMOVE: anything but a directory) and 13 (RMDIR: an empty directory). */
public final class RemoveProc implements Nfs3Procedure<DirOp3> {
    private final boolean directory;

    public RemoveProc(boolean directory) {
        this.directory = directory;
    }

    @Override
    public DirOp3 decode(XdrDecodingStream in) throws IOException {
        return DirOp3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, DirOp3 a) throws Nfs3Exception, MfsException {
        Node dir = call.writableDir(a.dir());
        Nfs3Call.checkName(a.name());
        if (a.name().equals(".") || a.name().equals("..")) {
            throw new Nfs3Exception(directory ? Nfs3.ERR_INVAL : Nfs3.ERR_ISDIR, "remove of '" + a.name() + "'");
        }
        DirChange removed = call.gateway().removal(c -> directory
                ? c.rmdirWithDir(call.creds(dir.export()), dir.inode(), a.name())
                : c.unlinkWithDir(call.creds(dir.export()), dir.inode(), a.name()));
        return new WccReply3(Nfs3.OK, new Wcc3(dir.attr(), removed.dir(), call.fsid()));
    }

    @Override
    public int failWords() {
        return 2;
    }
}
