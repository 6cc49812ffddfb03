package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;

/** SETATTR3args; {@code guardCtime} is null when the client set no guard. */
public record SetattrArgs3(byte[] fh, Sattr3 attrs, Long guardCtime) {
    public static SetattrArgs3 decode(XdrDecodingStream in) throws IOException {
        byte[] fh = Fh3.decode(in);
        Sattr3 attrs = Sattr3.decode(in);
        Long guard = XdrIn.bool(in) ? Time3.decode(in) : null;
        return new SetattrArgs3(fh, attrs, guard);
    }
}
