package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** The empty reply of NULL. */
public enum VoidReply3 implements Reply3 {
    INSTANCE;

    @Override
    public void xdrEncode(XdrEncodingStream out) {
    }
}
