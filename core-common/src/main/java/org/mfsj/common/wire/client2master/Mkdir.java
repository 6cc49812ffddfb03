package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Creates a directory. */
public record Mkdir(int msgId, Creds creds, long parent, String name, int mode, long reqId) implements Idempotent {
    /** Without a request id: never matched with an earlier call. */
    public Mkdir(int msgId, Creds creds, long parent, String name, int mode) {
        this(msgId, creds, parent, name, mode, 0);
    }

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(parent);
        w.str(name);
        w.u32(mode);
        w.u64(reqId);
    }

    public static Mkdir decode(int msgId, WireReader r) {
        return new Mkdir(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str(),
                r.u32(),
                r.u64());
    }
}
