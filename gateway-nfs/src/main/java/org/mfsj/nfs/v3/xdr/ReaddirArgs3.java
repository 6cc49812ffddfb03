package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.nfs.rpc.XdrIn;

/** READDIR3args and READDIRPLUS3args; for READDIR, {@code dirCount} equals {@code maxCount}. */
public record ReaddirArgs3(byte[] dir, long cookie, byte[] verifier, int dirCount, int maxCount) {
    public static ReaddirArgs3 decode(XdrDecodingStream in) throws IOException {
        byte[] dir = Fh3.decode(in);
        long cookie = in.xdrDecodeLong();
        byte[] verf = XdrIn.fixed(in, 8);
        int count = in.xdrDecodeInt();
        return new ReaddirArgs3(dir, cookie, verf, count, count);
    }

    public static ReaddirArgs3 decodePlus(XdrDecodingStream in) throws IOException {
        byte[] dir = Fh3.decode(in);
        long cookie = in.xdrDecodeLong();
        byte[] verf = XdrIn.fixed(in, 8);
        return new ReaddirArgs3(dir, cookie, verf, in.xdrDecodeInt(), in.xdrDecodeInt());
    }
}
