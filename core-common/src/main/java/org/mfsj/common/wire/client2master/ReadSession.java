package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Opens a read-only session on a follower (master HA: reads served by a shadow). Answered with a
 * {@link RegisterSessionReply} (session id 0: nothing to resume). A leader refuses it with EAGAIN:
 * its clients read through their ordinary session.
 * {@code passwordAnswer} answers this connection's {@link SessionChallenge}, as for RegisterSession.
 */
public record ReadSession(int msgId, String clientInfo, String subdir, byte[] passwordAnswer) implements Message {
    private static final int MAX_ANSWER = 64;

    @Override
    public void encodeBody(WireWriter w) {
        w.str(clientInfo).str(subdir).bytes(passwordAnswer);
    }

    public static ReadSession decode(int msgId, WireReader r) {
        return new ReadSession(msgId, r.str(), r.str(), r.bytes(MAX_ANSWER));
    }
}
