package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Removes a non-directory entry. */
public record Unlink(int msgId, Creds creds, long parent, String name, long reqId) implements Idempotent {
    /** Without a request id: never matched with an earlier call. */
    public Unlink(int msgId, Creds creds, long parent, String name) {
        this(msgId, creds, parent, name, 0);
    }

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(parent);
        w.str(name);
        w.u64(reqId);
    }

    public static Unlink decode(int msgId, WireReader r) {
        return new Unlink(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str(),
                r.u64());
    }
}
