package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Order: copy the local chunk {@code chunkId} at {@code version} to a new chunk (copy-on-write after a snapshot). */
public record DuplicateChunk(int msgId, long chunkId, int version, long newChunkId, int newVersion)
        implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
        w.u32(version);
        w.u64(newChunkId);
        w.u32(newVersion);
    }

    public static DuplicateChunk decode(int msgId, WireReader r) {
        return new DuplicateChunk(msgId, r.u64(), r.u32(), r.u64(), r.u32());
    }
}
