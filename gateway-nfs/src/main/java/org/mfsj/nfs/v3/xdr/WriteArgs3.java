package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v3.Nfs3;

/** WRITE3args; the data may be no longer than the largest write we offer. */
public record WriteArgs3(byte[] fh, long offset, int count, int stable, byte[] data) {
    public static WriteArgs3 decode(XdrDecodingStream in) throws IOException {
        byte[] fh = Fh3.decode(in);
        long offset = in.xdrDecodeLong();
        int count = in.xdrDecodeInt();
        int stable = XdrIn.choice(in, Nfs3.FILE_SYNC, "stable_how");
        byte[] data = XdrIn.opaque(in, Nfs3.MAX_IO, "write data");
        return new WriteArgs3(fh, offset, count, stable, data);
    }
}
