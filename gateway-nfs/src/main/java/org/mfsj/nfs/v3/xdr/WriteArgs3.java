package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
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

    /** As a client sends it: the first {@code count} bytes of {@code data}. */
    public void encode(XdrEncodingStream out) {
        Fh3.encode(out, fh);
        out.xdrEncodeLong(offset);
        out.xdrEncodeInt(count);
        out.xdrEncodeInt(stable);
        out.xdrEncodeInt(count);
        out.xdrEncodeOpaque(data, 0, count);
    }
}
