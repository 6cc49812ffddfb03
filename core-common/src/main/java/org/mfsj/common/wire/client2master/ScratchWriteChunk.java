package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * {@link WriteChunk} of a file in a scratch directory: the reply leaves once the chunk is in the
 * file in memory (the chunk's id and version are still durable before any chunkserver hears of
 * them). See {@link ScratchCreateOpen} for when a client may use it.
 */
public record ScratchWriteChunk(WriteChunk call) implements Message {
    @Override
    public int msgId() {
        return call.msgId();
    }

    @Override
    public void encodeBody(WireWriter w) {
        call.encodeBody(w);
    }

    public static ScratchWriteChunk decode(int msgId, WireReader r) {
        return new ScratchWriteChunk(WriteChunk.decode(msgId, r));
    }
}
