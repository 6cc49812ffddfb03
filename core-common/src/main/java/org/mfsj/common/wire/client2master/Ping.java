package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Keeps the session alive and checks the connection. */
public record Ping(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
    }

    public static Ping decode(int msgId, WireReader r) {
        return new Ping(msgId);
    }
}
