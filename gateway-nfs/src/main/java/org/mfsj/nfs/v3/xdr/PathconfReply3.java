package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.v3.Nfs3;

/** PATHCONF3resok. */
public record PathconfReply3(Attr attr, long fsid) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        Fattr3.encodeOptional(out, attr, fsid);
        out.xdrEncodeInt(32_000);
        out.xdrEncodeInt(255);
        out.xdrEncodeBoolean(true);
        out.xdrEncodeBoolean(true);
        out.xdrEncodeBoolean(false);
        out.xdrEncodeBoolean(true);
    }
}
