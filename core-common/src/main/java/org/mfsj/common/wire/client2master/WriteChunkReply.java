package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** The chunk to write and the servers of its chain, first one first. */
public record WriteChunkReply(int msgId, Status status, long fileLength, long chunkId, int version, List<ServerAddress> chain) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.u64(fileLength);
        w.u64(chunkId);
        w.u32(version);
        w.list(chain, TypeCodecs::address);
    }

    public static WriteChunkReply decode(int msgId, WireReader r) {
        return new WriteChunkReply(msgId,
                TypeCodecs.status(r),
                r.u64(),
                r.u64(),
                r.u32(),
                r.list(64, 4, TypeCodecs::address));
    }
}
