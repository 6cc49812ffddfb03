package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Order: delete a copy (version 0 = whatever version). */
public record DeleteChunk(int msgId, long chunkId, int version) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
        w.u32(version);
    }

    public static DeleteChunk decode(int msgId, WireReader r) {
        return new DeleteChunk(msgId,
                r.u64(),
                r.u32());
    }
}
