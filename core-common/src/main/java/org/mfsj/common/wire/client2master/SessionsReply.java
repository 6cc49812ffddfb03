package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.SessionReport;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** The master's client sessions. */
public record SessionsReply(int msgId, Status status, List<SessionReport> sessions) implements Reply {
    private static final int MAX_SESSIONS = 100_000;

    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.list(sessions, (ww, s) -> {
            ww.u64(s.id());
            ww.str(s.clientInfo());
            ww.str(s.address());
            ww.u64(s.rootInode());
            ww.bool(s.connected());
            ww.u64(s.lastSeenMillis());
            ww.u32(s.openFiles());
            ww.u32(s.locks());
        });
    }

    public static SessionsReply decode(int msgId, WireReader r) {
        return new SessionsReply(msgId,
                TypeCodecs.status(r),
                r.list(MAX_SESSIONS, 8 + 2 + 2 + 8 + 1 + 8 + 4 + 4, rr -> new SessionReport(rr.u64(), rr.str(), rr.str(),
                        rr.u64(), rr.bool(), rr.u64(), rr.u32(), rr.u32())));
    }
}
