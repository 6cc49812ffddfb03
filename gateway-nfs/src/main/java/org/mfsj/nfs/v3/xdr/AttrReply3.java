package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.v3.Nfs3;

/** GETATTR3resok. */
public record AttrReply3(Attr attr, long fsid) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        new Fattr3(attr, fsid).encode(out);
    }
}
