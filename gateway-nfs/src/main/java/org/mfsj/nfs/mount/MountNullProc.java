package org.mfsj.nfs.mount;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.Caller;

/** NULL: a ping. */
public final class MountNullProc implements MountProcedure<Void> {
    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public XdrAble run(Caller caller, Void args) {
        return MountReplies.nothing();
    }
}
