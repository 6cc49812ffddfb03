package org.mfsj.common.wire.client2chunk;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * {@link WriteInit} of a chunk the master has just made up and told no chunkserver of: each
 * server of the chain creates it, empty at the session's version, before the session starts.
 * Only for a chunk the master answered with
 * {@link org.mfsj.common.wire.client2master.NewChunkReply}, so the master's round trip to the
 * chunkservers leaves a small write's path.
 */
public record WriteInitNew(WriteInit init) implements Message {
    @Override
    public int msgId() {
        return init.msgId();
    }

    @Override
    public void encodeBody(WireWriter w) {
        init.encodeBody(w);
    }

    public static WriteInitNew decode(int msgId, WireReader r) {
        return new WriteInitNew(WriteInit.decode(msgId, r));
    }
}
