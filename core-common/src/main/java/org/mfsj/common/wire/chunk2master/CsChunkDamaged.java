package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** A copy failed its CRC check and has been dropped by the server. */
public record CsChunkDamaged(int msgId, long chunkId, int version) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
        w.u32(version);
    }

    public static CsChunkDamaged decode(int msgId, WireReader r) {
        return new CsChunkDamaged(msgId,
                r.u64(),
                r.u32());
    }
}
