package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** READ3args; {@code count} is unsigned on the wire and kept as sent. */
public record ReadArgs3(byte[] fh, long offset, int count) {
    public static ReadArgs3 decode(XdrDecodingStream in) throws IOException {
        return new ReadArgs3(Fh3.decode(in), in.xdrDecodeLong(), in.xdrDecodeInt());
    }

    public void encode(XdrEncodingStream out) {
        Fh3.encode(out, fh);
        out.xdrEncodeLong(offset);
        out.xdrEncodeInt(count);
    }
}
