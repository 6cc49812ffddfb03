package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.v3.Nfs3;

/** ACCESS3resok: the rights granted among those asked. */
public record AccessReply3(Attr attr, long fsid, int access) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        Fattr3.encodeOptional(out, attr, fsid);
        out.xdrEncodeInt(access);
    }
}
