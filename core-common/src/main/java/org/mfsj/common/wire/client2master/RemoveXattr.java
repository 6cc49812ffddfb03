package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Removes an extended attribute. */
public record RemoveXattr(int msgId, Creds creds, long inode, String name) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.str(name);
    }

    public static RemoveXattr decode(int msgId, WireReader r) {
        return new RemoveXattr(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str());
    }
}
