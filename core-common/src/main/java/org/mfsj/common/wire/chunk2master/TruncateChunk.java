package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Order: cut or zero-extend a chunk and bump its version. */
public record TruncateChunk(int msgId, long chunkId, int oldVersion, int newVersion, int length) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
        w.u32(oldVersion);
        w.u32(newVersion);
        w.u32(length);
    }

    public static TruncateChunk decode(int msgId, WireReader r) {
        return new TruncateChunk(msgId,
                r.u64(),
                r.u32(),
                r.u32(),
                r.u32());
    }
}
