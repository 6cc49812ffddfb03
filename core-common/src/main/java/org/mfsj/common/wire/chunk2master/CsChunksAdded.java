package org.mfsj.common.wire.chunk2master;

import java.util.List;
import org.mfsj.common.types.ChunkCopy;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/** Chunks this server holds (at registration, in batches, and after a replication). */
public record CsChunksAdded(int msgId, List<ChunkCopy> chunks) implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.list(chunks, TypeCodecs::chunkCopy);
    }

    public static CsChunksAdded decode(int msgId, WireReader r) {
        return new CsChunksAdded(msgId,
                r.list(200_000, 12, TypeCodecs::chunkCopy));
    }
}
