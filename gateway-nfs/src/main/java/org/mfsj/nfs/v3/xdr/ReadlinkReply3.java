package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.v3.Nfs3;

/** READLINK3resok. */
public record ReadlinkReply3(Attr attr, long fsid, String target) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        Fattr3.encodeOptional(out, attr, fsid);
        out.xdrEncodeString(target);
    }
}
