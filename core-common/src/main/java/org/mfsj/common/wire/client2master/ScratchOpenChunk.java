package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * {@link WriteChunk} of a file in a scratch directory, from a client that has its chain create a
 * new chunk (see {@link ScratchCreateOpen} for when a client may use it): for a hole
 * the master answers {@link NewChunkReply} without asking any chunkserver, and the client starts
 * the session with {@link org.mfsj.common.wire.client2chunk.WriteInitNew}; an existing chunk is
 * answered with {@link WriteChunkReply}, as before.
 */
public record ScratchOpenChunk(WriteChunk call) implements Message {
    @Override
    public int msgId() {
        return call.msgId();
    }

    @Override
    public void encodeBody(WireWriter w) {
        call.encodeBody(w);
    }

    public static ScratchOpenChunk decode(int msgId, WireReader r) {
        return new ScratchOpenChunk(WriteChunk.decode(msgId, r));
    }
}
