package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Opens (sessionId 0) or resumes a client session; {@code subdir} is the mounted subtree.
 * {@code passwordAnswer} answers the challenge this connection got from {@link SessionChallenge}
 * when the export needs a password, and is empty otherwise.
 */
public record RegisterSession(int msgId, long sessionId, String clientInfo, String subdir, byte[] passwordAnswer)
        implements Message {
    private static final int MAX_ANSWER = 64;

    public RegisterSession(int msgId, long sessionId, String clientInfo, String subdir) {
        this(msgId, sessionId, clientInfo, subdir, new byte[0]);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u64(sessionId);
        w.str(clientInfo);
        w.str(subdir);
        w.bytes(passwordAnswer);
    }

    public static RegisterSession decode(int msgId, WireReader r) {
        return new RegisterSession(msgId,
                r.u64(),
                r.str(),
                r.str(),
                r.bytes(MAX_ANSWER));
    }
}
