package org.mfsj.common.wire.client2chunk;

import java.util.List;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Asks one chunkserver to force these chunks to disk (data and header) if a write session left
 * them unforced; answered per chunk once each is durable there. This is what a client's fsync
 * sends to every server holding a chunk it wrote. Not forwarded: the client asks each server.
 */
public record ChunkSync(int msgId, List<Chunk> chunks) implements Message {
    /** Most chunks one request may name. */
    public static final int MAX_CHUNKS = 65_536;

    /** A chunk as written: its id and the version the write session had. */
    public record Chunk(long id, int version) {
    }

    public ChunkSync {
        chunks = List.copyOf(chunks);
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.list(chunks, (out, c) -> out.u64(c.id()).u32(c.version()));
    }

    public static ChunkSync decode(int msgId, WireReader r) {
        return new ChunkSync(msgId,
                r.list(MAX_CHUNKS, 12, in -> new Chunk(in.u64(), in.u32())));
    }
}
