package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Ends one {@link Open} of this session. */
public record Release(int msgId, long inode) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(inode);
    }

    public static Release decode(int msgId, WireReader r) {
        return new Release(msgId,
                r.u64());
    }
}
