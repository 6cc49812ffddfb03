package org.mfsj.common.wire.client2chunk;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Asks a chunkserver how often it forced chunk files after writes, and how many wait for it. */
public record ForceStats(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        // no body: the message id is the whole request
    }

    public static ForceStats decode(int msgId, WireReader r) {
        return new ForceStats(msgId);
    }
}
