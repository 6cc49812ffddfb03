package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Order: copy a chunk from {@code source}. */
public record ReplicateChunk(int msgId, long chunkId, int version, ServerAddress source) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
        w.u32(version);
        TypeCodecs.address(w, source);
    }

    public static ReplicateChunk decode(int msgId, WireReader r) {
        return new ReplicateChunk(msgId,
                r.u64(),
                r.u32(),
                TypeCodecs.address(r));
    }
}
