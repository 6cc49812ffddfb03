package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Reads an extended attribute. */
public record GetXattr(int msgId, Creds creds, long inode, String name) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(inode);
        w.str(name);
    }

    public static GetXattr decode(int msgId, WireReader r) {
        return new GetXattr(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str());
    }
}
