package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** MKDIR3args. */
public record MkdirArgs3(DirOp3 where, Sattr3 attrs) {
    public static MkdirArgs3 decode(XdrDecodingStream in) throws IOException {
        return new MkdirArgs3(DirOp3.decode(in), Sattr3.decode(in));
    }

    public void encode(XdrEncodingStream out) {
        where.encode(out);
        attrs.encode(out);
    }
}
