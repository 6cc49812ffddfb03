package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.client.DirChange;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.MkdirArgs3;
import org.mfsj.nfs.v3.xdr.Reply3;

/** Procedure 9: a directory. */
public final class MkdirProc implements Nfs3Procedure<MkdirArgs3> {
    @Override
    public MkdirArgs3 decode(XdrDecodingStream in) throws IOException {
        return MkdirArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, MkdirArgs3 a) throws Nfs3Exception, MfsException {
        Node dir = call.writableDir(a.where().dir());
        Nfs3Call.checkNewName(a.where().name());
        DirChange made = call.gateway().change(c -> c.mkdirWithDir(call.creds(dir.export()), dir.inode(),
                a.where().name(), a.attrs().modeOr(0755)));
        return Created.reply(call, dir, made, a.attrs().withoutMode());
    }

    @Override
    public int failWords() {
        return 2;
    }
}
