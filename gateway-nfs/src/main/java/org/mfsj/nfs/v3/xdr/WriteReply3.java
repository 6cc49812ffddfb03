package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.v3.Nfs3;

/** WRITE3resok: how much was taken, how stably, and the verifier of this gateway instance. */
public record WriteReply3(Wcc3 wcc, int count, int committed, byte[] verifier) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        wcc.encode(out);
        out.xdrEncodeInt(count);
        out.xdrEncodeInt(committed);
        out.xdrEncodeOpaque(verifier, 8);
    }
}
