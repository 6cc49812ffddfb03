package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Attributes of one inode. */
public record GetAttr(int msgId, long inode) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(inode);
    }

    public static GetAttr decode(int msgId, WireReader r) {
        return new GetAttr(msgId,
                r.u64());
    }
}
