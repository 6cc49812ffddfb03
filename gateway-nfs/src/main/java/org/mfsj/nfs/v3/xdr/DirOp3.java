package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.rpc.XdrIn;

/** diropargs3: a directory handle and a name in it. */
public record DirOp3(byte[] dir, String name) {
    public static DirOp3 decode(XdrDecodingStream in) throws IOException {
        return new DirOp3(Fh3.decode(in), XdrIn.string(in, XdrIn.MAX_NAME, "name"));
    }

    public void encode(XdrEncodingStream out) {
        Fh3.encode(out, dir);
        out.xdrEncodeString(name);
    }
}
