package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** COMMIT3args (the range is advisory: we commit the whole file). */
public record CommitArgs3(byte[] fh, long offset, int count) {
    public static CommitArgs3 decode(XdrDecodingStream in) throws IOException {
        return new CommitArgs3(Fh3.decode(in), in.xdrDecodeLong(), in.xdrDecodeInt());
    }

    public void encode(XdrEncodingStream out) {
        Fh3.encode(out, fh);
        out.xdrEncodeLong(offset);
        out.xdrEncodeInt(count);
    }
}
