package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.v3.Nfs3;

/** LOOKUP3resok. */
public record LookupReply3(byte[] fh, Attr obj, Attr dir, long fsid) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        out.xdrEncodeDynamicOpaque(fh);
        Fattr3.encodeOptional(out, obj, fsid);
        Fattr3.encodeOptional(out, dir, fsid);
    }
}
