package org.mfsj.common.wire.client2chunk;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** The bytes read (fewer than asked at the end of the chunk's data). */
public record ReadReply(int msgId, Status status, byte[] data) implements Reply {
    public static final int MAX_DATA = 4 << 20;

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.bytes(data);
    }

    public static ReadReply decode(int msgId, WireReader r) {
        return new ReadReply(msgId,
                TypeCodecs.status(r),
                r.bytes(MAX_DATA));
    }
}
