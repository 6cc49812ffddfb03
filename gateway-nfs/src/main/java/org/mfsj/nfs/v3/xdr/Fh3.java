package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v3.Nfs3;

/** nfs_fh3: opaque of at most 64 bytes. */
public final class Fh3 {
    private Fh3() {
    }

    public static byte[] decode(XdrDecodingStream in) throws IOException {
        return XdrIn.opaque(in, Nfs3.FHSIZE, "file handle");
    }

    /** nfs_fh3, as a client sends it. */
    public static void encode(XdrEncodingStream out, byte[] fh) {
        out.xdrEncodeDynamicOpaque(fh);
    }

    /** post_op_fh3. */
    public static void encodeOptional(XdrEncodingStream out, byte[] fh) {
        if (fh == null) {
            out.xdrEncodeBoolean(false);
        } else {
            out.xdrEncodeBoolean(true);
            out.xdrEncodeDynamicOpaque(fh);
        }
    }
}
