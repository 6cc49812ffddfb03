package org.mfsj.common.wire.client2chunk;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Outcome of a write step for the whole chain. */
public record WriteReply(int msgId, Status status) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
    }

    public static WriteReply decode(int msgId, WireReader r) {
        return new WriteReply(msgId,
                TypeCodecs.status(r));
    }
}
