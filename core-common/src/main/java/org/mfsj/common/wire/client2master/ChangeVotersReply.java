package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * OK once the new voter set is committed, naming it in {@code voters} (sync addresses,
 * comma-separated); otherwise why the change was not made, in words an operator can act on.
 */
public record ChangeVotersReply(int msgId, Status status, String voters, String message) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code()).str(voters).str(message);
    }

    public static ChangeVotersReply decode(int msgId, WireReader r) {
        return new ChangeVotersReply(msgId, TypeCodecs.status(r), r.str(), r.str());
    }
}
