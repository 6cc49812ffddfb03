package org.mfsj.nfs.mount;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.Caller;

/** UMNTALL: forget every mount of the caller. */
public final class UmntAllProc implements MountProcedure<Void> {
    private final MountTable mounts;

    public UmntAllProc(MountTable mounts) {
        this.mounts = mounts;
    }

    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public XdrAble run(Caller caller, Void args) {
        mounts.removeAll(caller.peer().getAddress().getHostAddress());
        return MountReplies.nothing();
    }
}
