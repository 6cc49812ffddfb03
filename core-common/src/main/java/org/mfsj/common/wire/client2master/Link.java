package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Adds a hard link. */
public record Link(int msgId, Creds creds, long inode, long newParent, String newName, long reqId) implements Idempotent {
    /** Without a request id: never matched with an earlier call. */
    public Link(int msgId, Creds creds, long inode, long newParent, String newName) {
        this(msgId, creds, inode, newParent, newName, 0);
    }

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.u64(newParent);
        w.str(newName);
        w.u64(reqId);
    }

    public static Link decode(int msgId, WireReader r) {
        return new Link(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.u64(),
                r.str(),
                r.u64());
    }
}
