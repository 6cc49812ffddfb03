package org.mfsj.client.io;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.client2master.ScratchOpenChunk;
import org.mfsj.common.wire.client2master.ScratchWriteChunkEnd;
import org.mfsj.common.wire.client2master.WriteChunk;
import org.mfsj.common.wire.client2master.WriteChunkEnd;

/** The scratch forms of a writer's chunk calls, for a file made with {@code createOpenScratch}. */
final class ScratchWrites {
    private ScratchWrites() {
    }

    static Message form(Message m) {
        if (m instanceof WriteChunk w) {
            // a new chunk is then created by the chain as the session starts, not by the master first
            return new ScratchOpenChunk(w);
        }
        if (m instanceof WriteChunkEnd e) {
            return new ScratchWriteChunkEnd(e);
        }
        return m;
    }
}
