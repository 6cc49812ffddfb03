package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** The challenge this connection must answer (valid for its next RegisterSession only). */
public record ChallengeReply(int msgId, Status status, byte[] challenge) implements Reply {
    private static final int MAX_CHALLENGE = 64;

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.bytes(challenge);
    }

    public static ChallengeReply decode(int msgId, WireReader r) {
        return new ChallengeReply(msgId,
                TypeCodecs.status(r),
                r.bytes(MAX_CHALLENGE));
    }
}
