package org.mfsj.master.meta.codec;

import org.mfsj.master.chunks.ChunkRecord;

/** Bodies of the chunk records; tags 32-63. */
final class ChunkBodies {
    private ChunkBodies() {
    }

    static void register(RecordTypes t) {
        t.add(32, ChunkRecord.Created.class, (w, r) -> w.u64(r.chunkId()).u8(r.goal()),
                r -> new ChunkRecord.Created(r.u64(), r.u8()));
        t.add(33, ChunkRecord.Version.class, (w, r) -> w.u64(r.chunkId()).u32(r.version()).u32(r.issued()),
                r -> new ChunkRecord.Version(r.u64(), r.u32(), r.u32()));
        t.add(34, ChunkRecord.Forgotten.class, (w, r) -> w.u64(r.chunkId()),
                r -> new ChunkRecord.Forgotten(r.u64()));
    }
}
