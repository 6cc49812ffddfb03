package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Every client session the master knows, connected or kept for its client to resume. */
public record ListSessions(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
    }

    public static ListSessions decode(int msgId, WireReader r) {
        return new ListSessions(msgId);
    }
}
