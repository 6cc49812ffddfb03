package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Asks for a random challenge, before a {@link RegisterSession} to an export with a password. */
public record SessionChallenge(int msgId) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
    }

    public static SessionChallenge decode(int msgId, WireReader r) {
        return new SessionChallenge(msgId);
    }
}
