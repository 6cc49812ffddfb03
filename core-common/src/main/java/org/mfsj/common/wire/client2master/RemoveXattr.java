package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Removes an extended attribute. */
public record RemoveXattr(int msgId, Creds creds, long inode, String name, long reqId) implements Idempotent {
    /** Without a request id: never matched with an earlier call. */
    public RemoveXattr(int msgId, Creds creds, long inode, String name) {
        this(msgId, creds, inode, name, 0);
    }

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.str(name);
        w.u64(reqId);
    }

    public static RemoveXattr decode(int msgId, WireReader r) {
        return new RemoveXattr(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str(),
                r.u64());
    }
}
