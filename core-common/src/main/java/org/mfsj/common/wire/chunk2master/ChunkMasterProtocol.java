package org.mfsj.common.wire.chunk2master;

import org.mfsj.common.wire.MessageFamily;

/** Chunkserver to master and back: registration, space, chunk reports, and the master's orders. Types 2000-2999, stable. */
public final class ChunkMasterProtocol {
    public static final MessageFamily FAMILY = new MessageFamily("chunkserver<->master")
            .add(2001, CsRegister.class, CsRegister::decode)
            .add(2002, CsChunksAdded.class, CsChunksAdded::decode)
            .add(2003, CsHeartbeat.class, CsHeartbeat::decode)
            .add(2004, CsChunkDamaged.class, CsChunkDamaged::decode)
            .add(2005, CsChunksLost.class, CsChunksLost::decode)
            .add(2006, CsRegistrationDone.class, CsRegistrationDone::decode)
            .add(2101, CreateChunk.class, CreateChunk::decode)
            .add(2102, SetChunkVersion.class, SetChunkVersion::decode)
            .add(2103, DeleteChunk.class, DeleteChunk::decode)
            .add(2104, ReplicateChunk.class, ReplicateChunk::decode)
            .add(2105, TruncateChunk.class, TruncateChunk::decode)
            .add(2106, DuplicateChunk.class, DuplicateChunk::decode)
            .add(2501, CsRegisterReply.class, CsRegisterReply::decode)
            .add(2600, CsCommandReply.class, CsCommandReply::decode);

    private ChunkMasterProtocol() {
    }
}
