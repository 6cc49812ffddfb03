package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.v3.Nfs3;

/** COMMIT3resok. */
public record CommitReply3(Wcc3 wcc, byte[] verifier) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        wcc.encode(out);
        out.xdrEncodeOpaque(verifier, 8);
    }
}
