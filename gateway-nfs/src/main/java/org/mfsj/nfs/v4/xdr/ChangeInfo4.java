package org.mfsj.nfs.v4.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.common.types.Attr;

/**
 * change_info4 of a directory around a change. The change attribute is the ctime in nanoseconds;
 * the two are read around the change, not under one lock, so the change is not atomic.
 */
public record ChangeInfo4(long before, long after) {
    public static ChangeInfo4 of(Attr before, Attr after) {
        return new ChangeInfo4(Fattr4Codec.change(before), after == null ? 0 : Fattr4Codec.change(after));
    }

    public void encode(XdrEncodingStream out) {
        out.xdrEncodeBoolean(false);
        out.xdrEncodeLong(before);
        out.xdrEncodeLong(after);
    }
}
