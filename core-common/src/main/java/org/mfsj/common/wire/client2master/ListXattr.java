package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Names of the extended attributes. */
public record ListXattr(int msgId, Creds creds, long inode) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
    }

    public static ListXattr decode(int msgId, WireReader r) {
        return new ListXattr(msgId,
                TypeCodecs.creds(r),
                r.u64());
    }
}
