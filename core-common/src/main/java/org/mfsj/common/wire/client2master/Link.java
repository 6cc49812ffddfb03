package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Adds a hard link. */
public record Link(int msgId, Creds creds, long inode, long newParent, String newName) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.u64(newParent);
        w.str(newName);
    }

    public static Link decode(int msgId, WireReader r) {
        return new Link(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.u64(),
                r.str());
    }
}
