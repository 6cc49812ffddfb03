package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Order: create an empty chunk. */
public record CreateChunk(int msgId, long chunkId, int version) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
        w.u32(version);
    }

    public static CreateChunk decode(int msgId, WireReader r) {
        return new CreateChunk(msgId,
                r.u64(),
                r.u32());
    }
}
