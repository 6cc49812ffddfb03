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
import org.mfsj.nfs.v3.xdr.Reply3;
import org.mfsj.nfs.v3.xdr.SymlinkArgs3;

/** Procedure 10: a symbolic link (its mode is always 0777, so a mode in the attributes is ignored). */
public final class SymlinkProc implements Nfs3Procedure<SymlinkArgs3> {
    @Override
    public SymlinkArgs3 decode(XdrDecodingStream in) throws IOException {
        return SymlinkArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, SymlinkArgs3 a) throws Nfs3Exception, MfsException {
        Node dir = call.writableDir(a.where().dir());
        Nfs3Call.checkNewName(a.where().name());
        if (a.target().isEmpty()) {
            throw new Nfs3Exception(Nfs3.ERR_INVAL, "empty symlink target");
        }
        DirChange made = call.gateway().change(c -> c.symlinkWithDir(call.creds(dir.export()), dir.inode(),
                a.where().name(), a.target()));
        return Created.reply(call, dir, made, a.attrs().withoutMode());
    }

    @Override
    public int failWords() {
        return 2;
    }
}
