package org.mfsj.nfs.v4;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** What an operation's result holds after its status. */
public interface OpBody {
    OpBody EMPTY = out -> {
    };

    void encode(XdrEncodingStream out) throws IOException;
}
