package org.mfsj.nfs.mount;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.Caller;

/** DUMP: the mounts the gateway knows of. */
public final class DumpProc implements MountProcedure<Void> {
    private final MountTable mounts;

    public DumpProc(MountTable mounts) {
        this.mounts = mounts;
    }

    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public XdrAble run(Caller caller, Void args) {
        return MountReplies.mountList(mounts.list());
    }
}
