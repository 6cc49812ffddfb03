package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.v3.Nfs3;

/** READ3resok: {@code count} bytes of {@code data}. */
public record ReadReply3(Attr attr, long fsid, int count, boolean eof, byte[] data) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        Fattr3.encodeOptional(out, attr, fsid);
        out.xdrEncodeInt(count);
        out.xdrEncodeBoolean(eof);
        out.xdrEncodeInt(count);
        out.xdrEncodeOpaque(data, 0, count);
    }
}
