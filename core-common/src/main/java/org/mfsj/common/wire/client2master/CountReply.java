package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Outcome plus how many items it touched. */
public record CountReply(int msgId, Status status, long count) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.u64(count);
    }

    public static CountReply decode(int msgId, WireReader r) {
        return new CountReply(msgId,
                TypeCodecs.status(r),
                r.u64());
    }
}
