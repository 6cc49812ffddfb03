package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** File length and the valid copies of a chunk (chunkId 0 = hole). */
public record ReadChunkReply(int msgId, Status status, long fileLength, long chunkId, int version, List<ServerAddress> locations) implements Reply {
    @Override
    public void encodeBody(WireWriter w) {
        w.u16(status.code());
        w.u64(fileLength);
        w.u64(chunkId);
        w.u32(version);
        w.list(locations, TypeCodecs::address);
    }

    public static ReadChunkReply decode(int msgId, WireReader r) {
        return new ReadChunkReply(msgId,
                TypeCodecs.status(r),
                r.u64(),
                r.u64(),
                r.u32(),
                r.list(64, 4, TypeCodecs::address));
    }
}
