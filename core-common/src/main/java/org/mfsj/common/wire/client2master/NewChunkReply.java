package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * The answer to a {@link ScratchOpenChunk} that made up a new chunk no chunkserver holds yet: the
 * servers of the chain create it when the write session starts
 * ({@link org.mfsj.common.wire.client2chunk.WriteInitNew}).
 */
public record NewChunkReply(WriteChunkReply reply) implements Reply {
    @Override
    public int msgId() {
        return reply.msgId();
    }

    @Override
    public void encodeBody(WireWriter w) {
        reply.encodeBody(w);
    }

    public static NewChunkReply decode(int msgId, WireReader r) {
        return new NewChunkReply(WriteChunkReply.decode(msgId, r));
    }
}
