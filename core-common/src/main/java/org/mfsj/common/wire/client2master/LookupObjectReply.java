package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * What {@link LookupObject} found: the entry's attributes (null unless OK), the attribute's value
 * (null when the entry has none), and whether the file was opened.
 */
public record LookupObjectReply(int msgId, Status status, Attr attr, byte[] xattr, boolean opened)
        implements Reply {
    public static final int MAX_DATA = XattrReply.MAX_DATA;

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        TypeCodecs.attrOrNull(w, attr);
        w.bool(xattr != null);
        w.bytes(xattr == null ? new byte[0] : xattr);
        w.bool(opened);
    }

    public static LookupObjectReply decode(int msgId, WireReader r) {
        Status status = TypeCodecs.status(r);
        Attr attr = TypeCodecs.attrOrNull(r);
        boolean has = r.bool();
        byte[] value = r.bytes(MAX_DATA);
        return new LookupObjectReply(msgId, status, attr, has ? value : null, r.bool());
    }
}
