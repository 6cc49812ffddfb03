package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * The session id to resume with, the inode of the mounted subtree and whether the export is
 * read-only; when refused, why (which export rule is missing, a wrong password). {@code term}: the
 * leader's term (epoch, master HA) that serves the session; 0 from a single master, a follower's
 * read session, and masters that predate it.
 */
public record RegisterSessionReply(int msgId, Status status, long sessionId, long rootInode, boolean readOnly,
        String refusal, long term) implements Reply {
    public RegisterSessionReply(int msgId, Status status, long sessionId, long rootInode) {
        this(msgId, status, sessionId, rootInode, false, "");
    }

    public RegisterSessionReply(int msgId, Status status, long sessionId, long rootInode, boolean readOnly,
            String refusal) {
        this(msgId, status, sessionId, rootInode, readOnly, refusal, 0);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.u64(sessionId);
        w.u64(rootInode);
        w.bool(readOnly);
        w.str(refusal);
        w.u64(term);
    }

    public static RegisterSessionReply decode(int msgId, WireReader r) {
        return new RegisterSessionReply(msgId,
                TypeCodecs.status(r),
                r.u64(),
                r.u64(),
                r.bool(),
                r.str(),
                r.remaining() > 0 ? r.u64() : 0);
    }
}
