package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** A procedure's reply: the gateway only ever encodes these. */
public interface Reply3 extends XdrAble {
    @Override
    default void xdrDecode(XdrDecodingStream in) {
        throw new UnsupportedOperationException("replies are encoded only");
    }
}
