package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** {@link WriteChunkEnd} of a file in a scratch directory, answered once applied (see {@link ScratchCreateOpen}). */
public record ScratchWriteChunkEnd(WriteChunkEnd call) implements Message {
    @Override
    public int msgId() {
        return call.msgId();
    }

    @Override
    public void encodeBody(WireWriter w) {
        call.encodeBody(w);
    }

    public static ScratchWriteChunkEnd decode(int msgId, WireReader r) {
        return new ScratchWriteChunkEnd(WriteChunkEnd.decode(msgId, r));
    }
}
