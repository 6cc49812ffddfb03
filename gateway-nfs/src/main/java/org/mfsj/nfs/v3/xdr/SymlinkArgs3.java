package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;

/** SYMLINK3args. */
public record SymlinkArgs3(DirOp3 where, Sattr3 attrs, String target) {
    public static SymlinkArgs3 decode(XdrDecodingStream in) throws IOException {
        DirOp3 where = DirOp3.decode(in);
        Sattr3 attrs = Sattr3.decode(in);
        return new SymlinkArgs3(where, attrs, XdrIn.string(in, XdrIn.MAX_PATH, "symlink target"));
    }
}
