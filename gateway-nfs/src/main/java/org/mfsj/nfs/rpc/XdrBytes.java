package org.mfsj.nfs.rpc;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.glassfish.grizzly.Buffer;

/** XDR encoded into a byte array first: for nested opaque items (fattr4) and replies kept for replay. */
public final class XdrBytes {
    /** Writes XDR. */
    public interface Writer {
        void write(XdrEncodingStream out) throws IOException;
    }

    private XdrBytes() {
    }

    public static byte[] encode(Writer w) throws IOException {
        Xdr xdr = new Xdr(256);
        xdr.beginEncoding();
        w.write(xdr);
        xdr.endEncoding();
        Buffer b = xdr.asBuffer();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Arguments or a reply written by {@code w} when oncrpc4j sends them; never decoded. */
    public static XdrAble writing(Writer w) {
        return new XdrAble() {
            @Override
            public void xdrEncode(XdrEncodingStream out) throws IOException {
                w.write(out);
            }

            @Override
            public void xdrDecode(XdrDecodingStream in) {
                throw new UnsupportedOperationException("encoded only");
            }
        };
    }

    /** A reply made of bytes already encoded (their length is a multiple of four). */
    public static XdrAble raw(byte[] encoded) {
        return new XdrAble() {
            @Override
            public void xdrEncode(XdrEncodingStream out) {
                out.xdrEncodeOpaque(encoded, encoded.length);
            }

            @Override
            public void xdrDecode(XdrDecodingStream in) {
                throw new UnsupportedOperationException("encoded only");
            }
        };
    }
}
