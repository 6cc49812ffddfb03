package org.mfsj.common.wire.client2master;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Ends a chunk write; the file grows to {@code newLength} if that is larger. With {@code then}
 * (only on success; null otherwise) those attributes are set next, in the same changelog force.
 */
public record WriteChunkEnd(int msgId, long inode, int index, long chunkId, long newLength, Status writeStatus,
                            AttrsAtEnd then) implements Message {
    public WriteChunkEnd(int msgId, long inode, int index, long chunkId, long newLength, Status writeStatus) {
        this(msgId, inode, index, chunkId, newLength, writeStatus, null);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u64(inode);
        w.u32(index);
        w.u64(chunkId);
        w.u64(newLength);
        w.u16(writeStatus.code());
        w.bool(then != null);
        if (then != null) {
            then.encode(w);
        }
    }

    public static WriteChunkEnd decode(int msgId, WireReader r) {
        return new WriteChunkEnd(msgId,
                r.u64(),
                r.u32(),
                r.u64(),
                r.u64(),
                TypeCodecs.status(r),
                r.bool() ? AttrsAtEnd.decode(r) : null);
    }
}
