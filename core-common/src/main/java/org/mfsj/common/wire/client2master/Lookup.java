package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Finds {@code name} in directory {@code parent}. */
public record Lookup(int msgId, Creds creds, long parent, String name) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(parent);
        w.str(name);
    }

    public static Lookup decode(int msgId, WireReader r) {
        return new Lookup(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str());
    }
}
