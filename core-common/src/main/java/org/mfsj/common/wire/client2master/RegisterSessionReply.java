package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** The session id to resume with, and the inode of the mounted subtree. */
public record RegisterSessionReply(int msgId, Status status, long sessionId, long rootInode) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.u64(sessionId);
        w.u64(rootInode);
    }

    public static RegisterSessionReply decode(int msgId, WireReader r) {
        return new RegisterSessionReply(msgId,
                TypeCodecs.status(r),
                r.u64(),
                r.u64());
    }
}
