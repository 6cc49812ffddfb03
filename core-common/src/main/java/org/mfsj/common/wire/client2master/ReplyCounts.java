package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Asks how many replies the master held until the changelog had them durable, and how many it sent once applied. */
public record ReplyCounts(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
    }

    public static ReplyCounts decode(int msgId, WireReader r) {
        return new ReplyCounts(msgId);
    }
}
