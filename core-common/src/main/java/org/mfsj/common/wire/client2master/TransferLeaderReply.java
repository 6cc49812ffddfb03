package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * OK once the target was told to stand for election, naming it in {@code target} (where its
 * clients reach it); otherwise why not, in words an operator can act on.
 */
public record TransferLeaderReply(int msgId, Status status, String target, String message) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code()).str(target).str(message);
    }

    public static TransferLeaderReply decode(int msgId, WireReader r) {
        return new TransferLeaderReply(msgId, TypeCodecs.status(r), r.str(), r.str());
    }
}
