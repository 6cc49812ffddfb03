package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Value of an extended attribute. */
public record XattrReply(int msgId, Status status, byte[] value) implements Reply {
    public static final int MAX_DATA = 64 << 10;

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.bytes(value);
    }

    public static XattrReply decode(int msgId, WireReader r) {
        return new XattrReply(msgId,
                TypeCodecs.status(r),
                r.bytes(MAX_DATA));
    }
}
