package org.mfsj.nfs.v3.proc;

import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.v3.Nfs3Call;
import org.mfsj.nfs.v3.Nfs3Procedure;
import org.mfsj.nfs.v3.xdr.Reply3;
import org.mfsj.nfs.v3.xdr.VoidReply3;

/** Procedure 0: a ping. */
public final class NullProc implements Nfs3Procedure<Void> {
    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public Reply3 run(Nfs3Call call, Void args) {
        return VoidReply3.INSTANCE;
    }

    @Override
    public int failWords() {
        return 0;
    }
}
