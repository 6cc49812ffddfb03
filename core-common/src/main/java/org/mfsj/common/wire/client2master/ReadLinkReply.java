package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Target of a symbolic link. */
public record ReadLinkReply(int msgId, Status status, String target) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.str(target);
    }

    public static ReadLinkReply decode(int msgId, WireReader r) {
        return new ReadLinkReply(msgId,
                TypeCodecs.status(r),
                r.str());
    }
}
