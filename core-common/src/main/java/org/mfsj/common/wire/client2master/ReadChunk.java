package org.mfsj.common.wire.client2master;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Where to read chunk {@code index} of a file. */
public record ReadChunk(int msgId, long inode, int index) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(inode);
        w.u32(index);
    }

    public static ReadChunk decode(int msgId, WireReader r) {
        return new ReadChunk(msgId,
                r.u64(),
                r.u32());
    }
}
