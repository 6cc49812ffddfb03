package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** A status and one wcc_data: SETATTR, REMOVE and RMDIR answer this way. */
public record WccReply3(int status, Wcc3 wcc) implements Reply3 {
    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(status);
        wcc.encode(out);
    }
}
