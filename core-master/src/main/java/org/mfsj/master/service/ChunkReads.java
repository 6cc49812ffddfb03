package org.mfsj.master.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.ReadChunk;
import org.mfsj.common.wire.client2master.ReadChunkReply;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.CopiesGrace;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;

/** Where to read a chunk: the valid copies, each reply starting at the next one so reads spread. */
public final class ChunkReads {
    private final Namespace ns;
    private final ChunkRegistry registry;
    private final CopiesGrace grace;
    private int spread;

    public ChunkReads(Namespace ns, ChunkRegistry registry, CopiesGrace grace) {
        this.ns = ns;
        this.registry = registry;
        this.grace = grace;
    }

    public void register(RequestDispatcher d) {
        d.on(ReadChunk.class, this::read, (id, st) -> new ReadChunkReply(id, st, 0, 0, 0, List.of()));
    }

    private Message read(Peer from, ReadChunk req) throws MfsException {
        return where(req.msgId(), req.inode(), req.index());
    }

    /** Where chunk {@code index} of {@code inode} can be read, as the reply to request {@code msgId}. */
    ReadChunkReply where(int msgId, long inode, int index) throws MfsException {
        long length = ns.getattr(inode).length();
        long chunkId = ns.chunkAt(inode, index);
        if (chunkId == 0) {
            return new ReadChunkReply(msgId, Status.OK, length, 0, 0, List.of());
        }
        Chunk c = registry.get(chunkId);
        List<ServerAddress> at = new ArrayList<>();
        if (c != null) {
            c.validReplicas().forEach(r -> at.add(r.server().dataAddress()));
        }
        if (at.isEmpty()) {
            // every copy is lost or stale, or (just elected) its servers have not registered yet;
            // the client learns which chunk, for its error message
            Status why = grace.noCopy("chunk " + index + " of inode " + inode).status();
            return new ReadChunkReply(msgId, why, length, chunkId, c == null ? 0 : c.version(), at);
        }
        Collections.rotate(at, spread++ % at.size());
        return new ReadChunkReply(msgId, Status.OK, length, chunkId, c.version(), at);
    }
}
