package org.mfsj.chunkserver.net;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.mfsj.chunkserver.ChunkIds;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2chunk.ChunkSync;
import org.mfsj.common.wire.client2chunk.ChunkSyncReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A client's fsync: every chunk it names is forced here (if a session left it unforced), then answered. */
final class ChunkSyncOp {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkSyncOp.class);

    private final DataServices services;

    ChunkSyncOp(DataServices services) {
        this.services = services;
    }

    void run(Peer from, ChunkSync request) {
        List<CompletableFuture<Status>> each = new ArrayList<>(request.chunks().size());
        for (ChunkSync.Chunk c : request.chunks()) {
            each.add(services.forcer().sync(c.id(), c.version()).thenApply(s -> {
                if (!s.isOk()) {
                    LOG.warn("chunk {} v{}: sync for {} failed: {}", ChunkIds.hex(c.id()), c.version(), from.remote(),
                            s);
                }
                return s;
            }));
        }
        CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).whenComplete((v, e) ->
                from.send(new ChunkSyncReply(request.msgId(), each.stream().map(CompletableFuture::join).toList())));
    }
}
