package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.v3.Nfs3;

/** diropres3 of CREATE, MKDIR, SYMLINK and MKNOD. */
public record DirOpReply3(byte[] fh, Attr obj, Wcc3 dirWcc, long fsid) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        Fh3.encodeOptional(out, fh);
        Fattr3.encodeOptional(out, obj, fsid);
        dirWcc.encode(out);
    }
}
