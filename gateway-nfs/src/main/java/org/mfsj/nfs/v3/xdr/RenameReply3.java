package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.v3.Nfs3;

/** RENAME3resok. */
public record RenameReply3(Wcc3 from, Wcc3 to) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        from.encode(out);
        to.encode(out);
    }
}
