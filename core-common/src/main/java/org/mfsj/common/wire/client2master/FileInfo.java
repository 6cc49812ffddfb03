package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Every chunk of a file with its copies. */
public record FileInfo(int msgId, long inode) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(inode);
    }

    public static FileInfo decode(int msgId, WireReader r) {
        return new FileInfo(msgId,
                r.u64());
    }
}
