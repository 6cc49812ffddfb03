package org.mfsj.nfs.v3.proc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Exception;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.Fh3;
import org.mfsj.nfs.v3.xdr.FsinfoReply3;
import org.mfsj.nfs.v3.xdr.Reply3;

/** Procedure 19: transfer sizes and properties, the same for every file. */
public final class FsinfoProc implements Nfs3Procedure<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return Fh3.decode(in);
    }

    @Override
    public Reply3 run(Nfs3Call call, byte[] fh) throws Nfs3Exception, MfsException {
        return new FsinfoReply3(call.node(fh).attr(), call.fsid());
    }

    @Override
    public int failWords() {
        return 1;
    }
}
