package org.mfsj.common.wire.client2chunk;

import org.mfsj.common.wire.MessageFamily;

/** Client to chunkserver: reads, chained writes and forcing written chunks to disk. A chunkserver forwarding a write down the chain speaks this same family to the next one. Types 3000-3999, stable. */
public final class ClientChunkProtocol {
    public static final MessageFamily FAMILY = new MessageFamily("client<->chunkserver")
            .add(3001, ReadBlocks.class, ReadBlocks::decode)
            .add(3002, WriteInit.class, WriteInit::decode)
            .add(3003, WriteData.class, WriteData::decode)
            .add(3004, WriteEnd.class, WriteEnd::decode)
            .add(3005, ChunkSync.class, ChunkSync::decode)
            .add(3006, ForceStats.class, ForceStats::decode)
            // 3010-3011: a small write's session in one pass down the chain (new chunk, force at the end)
            .add(3010, WriteInitNew.class, WriteInitNew::decode)
            .add(3011, WriteEndSync.class, WriteEndSync::decode)
            .add(3501, ReadReply.class, ReadReply::decode)
            .add(3502, WriteReply.class, WriteReply::decode)
            .add(3503, ChunkSyncReply.class, ChunkSyncReply::decode)
            .add(3504, ForceStatsReply.class, ForceStatsReply::decode);

    private ClientChunkProtocol() {
    }
}
