package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Reads a symbolic link. */
public record ReadLink(int msgId, long inode) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(inode);
    }

    public static ReadLink decode(int msgId, WireReader r) {
        return new ReadLink(msgId,
                r.u64());
    }
}
