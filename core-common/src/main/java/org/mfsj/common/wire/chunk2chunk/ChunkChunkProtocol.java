package org.mfsj.common.wire.chunk2chunk;

import org.mfsj.common.wire.MessageFamily;

/** Chunkserver to chunkserver: reading a chunk to replicate it. Types 4000-4999, stable. */
public final class ChunkChunkProtocol {
    public static final MessageFamily FAMILY = new MessageFamily("chunkserver<->chunkserver")
            .add(4001, ReplicaRead.class, ReplicaRead::decode)
            .add(4501, ReplicaReadReply.class, ReplicaReadReply::decode);

    private ChunkChunkProtocol() {
    }
}
