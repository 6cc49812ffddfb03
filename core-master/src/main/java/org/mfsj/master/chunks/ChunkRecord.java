package org.mfsj.master.chunks;

import org.mfsj.master.meta.MetaRecord;

/**
 * A chunk-level fact the master must remember across restarts. Replicas are not recorded: their
 * locations come back when chunkservers register. Applied by {@link ChunkRegistry#apply}, live and
 * on replay alike.
 */
public sealed interface ChunkRecord extends MetaRecord permits ChunkRecord.Created, ChunkRecord.Version,
        ChunkRecord.Forgotten {

    /**
     * A new chunk id was handed out at version 1 for a file of goal {@code goal}. Logged (and made
     * durable) before any chunkserver hears of the id, so no id can ever be handed out twice.
     */
    record Created(long chunkId, int goal) implements ChunkRecord {
    }

    /**
     * The chunk's current version and the highest version ever issued for it. Logged when a
     * version is issued (durable before a chunkserver moves to it) and again when it took effect.
     */
    record Version(long chunkId, int version, int issued) implements ChunkRecord {
    }

    /** A chunk whose creation failed on every server: the id is dropped (never reused). */
    record Forgotten(long chunkId) implements ChunkRecord {
    }
}
