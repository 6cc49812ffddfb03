package org.mfsj.common.wire.client2chunk;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Ends the write session; answered when every server of the chain has every byte (in its page
 * cache: each server forces the chunk later, see {@link ChunkSync}).
 */
public record WriteEnd(int msgId, long chunkId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(chunkId);
    }

    public static WriteEnd decode(int msgId, WireReader r) {
        return new WriteEnd(msgId,
                r.u64());
    }
}
