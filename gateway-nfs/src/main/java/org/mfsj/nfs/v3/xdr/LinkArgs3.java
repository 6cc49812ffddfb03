package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** LINK3args. */
public record LinkArgs3(byte[] fh, DirOp3 link) {
    public static LinkArgs3 decode(XdrDecodingStream in) throws IOException {
        return new LinkArgs3(Fh3.decode(in), DirOp3.decode(in));
    }
}
