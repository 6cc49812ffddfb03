package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** The trash time of an inode, in seconds, as the count of a {@link CountReply}. */
public record GetTrashTime(int msgId, long inode) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(inode);
    }

    public static GetTrashTime decode(int msgId, WireReader r) {
        return new GetTrashTime(msgId, r.u64());
    }
}
