package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Registration accepted or refused. */
public record CsRegisterReply(int msgId, Status status) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
    }

    public static CsRegisterReply decode(int msgId, WireReader r) {
        return new CsRegisterReply(msgId,
                TypeCodecs.status(r));
    }
}
