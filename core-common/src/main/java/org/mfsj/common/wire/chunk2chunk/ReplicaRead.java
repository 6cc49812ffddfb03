package org.mfsj.common.wire.chunk2chunk;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Reads part of a chunk for replication. */
public record ReplicaRead(int msgId, long chunkId, int version, int offset, int length) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
        w.u32(version);
        w.u32(offset);
        w.u32(length);
    }

    public static ReplicaRead decode(int msgId, WireReader r) {
        return new ReplicaRead(msgId,
                r.u64(),
                r.u32(),
                r.u32(),
                r.u32());
    }
}
