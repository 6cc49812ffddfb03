package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Attributes (null unless OK). */
public record AttrReply(int msgId, Status status, Attr attr) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        TypeCodecs.attrOrNull(w, attr);
    }

    public static AttrReply decode(int msgId, WireReader r) {
        return new AttrReply(msgId,
                TypeCodecs.status(r),
                TypeCodecs.attrOrNull(r));
    }
}
