package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Creates a symbolic link. */
public record Symlink(int msgId, Creds creds, long parent, String name, String target, long reqId) implements Idempotent {
    /** Without a request id: never matched with an earlier call. */
    public Symlink(int msgId, Creds creds, long parent, String name, String target) {
        this(msgId, creds, parent, name, target, 0);
    }

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(parent);
        w.str(name);
        w.str(target);
        w.u64(reqId);
    }

    public static Symlink decode(int msgId, WireReader r) {
        return new Symlink(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str(),
                r.str(),
                r.u64());
    }
}
