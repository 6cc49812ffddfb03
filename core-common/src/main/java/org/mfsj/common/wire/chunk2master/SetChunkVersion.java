package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Order: bump a chunk version before a write. */
public record SetChunkVersion(int msgId, long chunkId, int oldVersion, int newVersion) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
        w.u32(oldVersion);
        w.u32(newVersion);
    }

    public static SetChunkVersion decode(int msgId, WireReader r) {
        return new SetChunkVersion(msgId,
                r.u64(),
                r.u32(),
                r.u32());
    }
}
