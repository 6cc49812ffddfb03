package org.mfsj.nfs.mount;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.Caller;
import org.mfsj.nfs.rpc.XdrIn;

/** UMNT: forget one mount of the caller. */
public final class UmntProc implements MountProcedure<String> {
    private final MountTable mounts;

    public UmntProc(MountTable mounts) {
        this.mounts = mounts;
    }

    @Override
    public String decode(XdrDecodingStream in) throws IOException {
        return XdrIn.string(in, Mount.MNTPATHLEN, "dirpath");
    }

    @Override
    public XdrAble run(Caller caller, String path) {
        mounts.remove(caller.peer().getAddress().getHostAddress(), path);
        return MountReplies.nothing();
    }
}
