package org.mfsj.nfs.v3.xdr;

import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.v3.Nfs3;

/** READDIR3resok and READDIRPLUS3resok. */
public record ReaddirReply3(Attr dir, long fsid, byte[] verifier, List<Entry3> entries, boolean eof,
                            boolean plus) implements Reply3 {
    /** Bytes of a reply with no entries: status, dir attributes, verifier, end of list, eof. */
    public static final int EMPTY_SIZE = 4 + 4 + Entry3.FATTR_SIZE + 8 + 4 + 4;

    @Override
    public void xdrEncode(XdrEncodingStream out) {
        out.xdrEncodeInt(Nfs3.OK);
        Fattr3.encodeOptional(out, dir, fsid);
        out.xdrEncodeOpaque(verifier, 8);
        for (Entry3 e : entries) {
            e.encode(out, plus, fsid);
        }
        out.xdrEncodeBoolean(false);
        out.xdrEncodeBoolean(eof);
    }
}
