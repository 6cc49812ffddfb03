package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Outcome of an order. */
public record CsCommandReply(int msgId, Status status) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
    }

    public static CsCommandReply decode(int msgId, WireReader r) {
        return new CsCommandReply(msgId,
                TypeCodecs.status(r));
    }
}
