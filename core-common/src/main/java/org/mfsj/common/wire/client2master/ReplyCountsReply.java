package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Since the master started serving: replies sent only once every change before them was durable
 * ({@code durable}), and replies to scratch calls sent as soon as their change was applied
 * ({@code applied}). This reply itself is not counted.
 */
public record ReplyCountsReply(int msgId, Status status, long durable, long applied) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.u64(durable);
        w.u64(applied);
    }

    public static ReplyCountsReply decode(int msgId, WireReader r) {
        return new ReplyCountsReply(msgId,
                TypeCodecs.status(r),
                r.u64(),
                r.u64());
    }
}
