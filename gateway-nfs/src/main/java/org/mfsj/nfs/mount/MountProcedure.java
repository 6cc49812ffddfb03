package org.mfsj.nfs.mount;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.Caller;

/** One MOUNT procedure. MOUNT replies carry their own status, so a procedure never throws for a refusal. */
public interface MountProcedure<A> {
    A decode(XdrDecodingStream in) throws IOException;

    XdrAble run(Caller caller, A args);
}
