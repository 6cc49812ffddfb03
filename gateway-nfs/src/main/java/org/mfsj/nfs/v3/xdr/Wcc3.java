package org.mfsj.nfs.v3.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;

/** wcc_data: attributes before (size and times) and after a change; either may be absent (null). */
public record Wcc3(Attr before, Attr after, long fsid) {
    public static final Wcc3 NONE = new Wcc3(null, null, 0);

    public void encode(XdrEncodingStream out) {
        if (before == null) {
            out.xdrEncodeBoolean(false);
        } else {
            out.xdrEncodeBoolean(true);
            out.xdrEncodeLong(before.length());
            Time3.encode(out, before.mtimeNanos());
            Time3.encode(out, before.ctimeNanos());
        }
        Fattr3.encodeOptional(out, after, fsid);
    }
}
