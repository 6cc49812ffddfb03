package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Creates a new empty regular file and opens it for writing in one call (create + open), so a
 * writer of a new file pays one round trip before its first chunk instead of two. Answered with
 * an {@link EntryReply}; the open is counted for the session until a {@link Release}.
 */
public record CreateOpen(int msgId, Creds creds, long parent, String name, int mode, long reqId)
        implements Idempotent {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(parent);
        w.str(name);
        w.u32(mode);
        w.u64(reqId);
    }

    public static CreateOpen decode(int msgId, WireReader r) {
        return new CreateOpen(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str(),
                r.u32(),
                r.u64());
    }
}
