package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Opens (sessionId 0) or resumes a client session; {@code subdir} is the mounted subtree. */
public record RegisterSession(int msgId, long sessionId, String clientInfo, String subdir) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(sessionId);
        w.str(clientInfo);
        w.str(subdir);
    }

    public static RegisterSession decode(int msgId, WireReader r) {
        return new RegisterSession(msgId,
                r.u64(),
                r.str(),
                r.str());
    }
}
