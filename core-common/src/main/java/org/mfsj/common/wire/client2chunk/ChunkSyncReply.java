package org.mfsj.common.wire.client2chunk;

import java.util.List;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** One status per chunk of the {@link ChunkSync}, in its order: OK means durable on this server. */
public record ChunkSyncReply(int msgId, List<Status> statuses) implements Reply {
    public ChunkSyncReply {
        statuses = List.copyOf(statuses);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.list(statuses, (out, s) -> out.u16(s.code()));
    }

    public static ChunkSyncReply decode(int msgId, WireReader r) {
        return new ChunkSyncReply(msgId,
                r.list(ChunkSync.MAX_CHUNKS, 2, TypeCodecs::status));
    }
}
