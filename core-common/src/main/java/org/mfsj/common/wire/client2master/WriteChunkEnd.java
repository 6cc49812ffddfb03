package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Ends a chunk write; the file grows to {@code newLength} if that is larger. */
public record WriteChunkEnd(int msgId, long inode, int index, long chunkId, long newLength, Status writeStatus) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(inode);
        w.u32(index);
        w.u64(chunkId);
        w.u64(newLength);
        w.u16(writeStatus.code());
    }

    public static WriteChunkEnd decode(int msgId, WireReader r) {
        return new WriteChunkEnd(msgId,
                r.u64(),
                r.u32(),
                r.u64(),
                r.u64(),
                TypeCodecs.status(r));
    }
}
