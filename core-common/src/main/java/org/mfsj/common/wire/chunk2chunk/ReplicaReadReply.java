package org.mfsj.common.wire.chunk2chunk;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** The bytes and the whole length of the source chunk. */
public record ReplicaReadReply(int msgId, Status status, int chunkLength, byte[] data) implements Reply {
    public static final int MAX_DATA = 4 << 20;

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.u32(chunkLength);
        w.bytes(data);
    }

    public static ReplicaReadReply decode(int msgId, WireReader r) {
        return new ReplicaReadReply(msgId,
                TypeCodecs.status(r),
                r.u32(),
                r.bytes(MAX_DATA));
    }
}
