package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.fs.Node;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.Reply3;
import org.mfsj.nfs.v3.xdr.SetattrArgs3;
import org.mfsj.nfs.v3.xdr.Wcc3;
import org.mfsj.nfs.v3.xdr.WccReply3;

/**
 * Procedure 2: change attributes. The guard (a ctime the client last saw) makes the change
 * conditional: if the file changed since, NOT_SYNC and nothing is done.
 */
public final class SetattrProc implements Nfs3Procedure<SetattrArgs3> {
    @Override
    public SetattrArgs3 decode(XdrDecodingStream in) throws IOException {
        return SetattrArgs3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, SetattrArgs3 a) throws Nfs3Exception, MfsException {
        Node n = call.writable(a.fh());
        Attr before = n.attr();
        if (a.guardCtime() != null && a.guardCtime() / 1000 != before.ctimeNanos() / 1000) {
            // compared at microseconds: that is what clients keep of a ctime they saw
            return new WccReply3(Nfs3.ERR_NOT_SYNC, new Wcc3(before, before, call.fsid()));
        }
        if (a.attrs().isEmpty()) {
            return new WccReply3(Nfs3.OK, new Wcc3(before, before, call.fsid()));
        }
        Attr after = call.gateway().setattr(call.creds(n.export()), n.inode(), a.attrs().change());
        return new WccReply3(Nfs3.OK, new Wcc3(before, after, call.fsid()));
    }

    @Override
    public int failWords() {
        return 2;
    }
}
