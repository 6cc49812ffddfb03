package org.mfsj.nfs.v4.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.nfs.rpc.XdrIn;
import org.mfsj.nfs.v4.state.StateId;

/** stateid4 on the wire. */
public final class StateIds {
    private StateIds() {
    }

    public static StateId decode(XdrDecodingStream in) throws IOException {
        int seq = in.xdrDecodeInt();
        return new StateId(seq, XdrIn.fixed(in, 12));
    }

    public static void encode(XdrEncodingStream out, StateId s) {
        out.xdrEncodeInt(s.seqid());
        out.xdrEncodeOpaque(s.other(), 12);
    }
}
