package org.mfsj.common.wire.client2chunk;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Reads up to {@code length} bytes (at most 4 MiB) at {@code offset} in a chunk. */
public record ReadBlocks(int msgId, long chunkId, int version, int offset, int length) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
        w.u32(version);
        w.u32(offset);
        w.u32(length);
    }

    public static ReadBlocks decode(int msgId, WireReader r) {
        return new ReadBlocks(msgId,
                r.u64(),
                r.u32(),
                r.u32(),
                r.u32());
    }
}
