package org.mfsj.nfs.v3.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** RENAME3args. */
public record RenameArgs3(DirOp3 from, DirOp3 to) {
    public static RenameArgs3 decode(XdrDecodingStream in) throws IOException {
        return new RenameArgs3(DirOp3.decode(in), DirOp3.decode(in));
    }
}
