package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** ACCESS3args. */
public record AccessArgs3(byte[] fh, int access) {
    public static AccessArgs3 decode(XdrDecodingStream in) throws IOException {
        return new AccessArgs3(Fh3.decode(in), in.xdrDecodeInt());
    }
}
