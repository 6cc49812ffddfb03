package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Outcome of a call that returns nothing else. */
public record StatusReply(int msgId, Status status) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
    }

    public static StatusReply decode(int msgId, WireReader r) {
        return new StatusReply(msgId,
                TypeCodecs.status(r));
    }
}
