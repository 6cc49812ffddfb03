package org.mfsj.chunkserver.replication;

import io.netty.channel.EventLoopGroup;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.mfsj.chunkserver.store.ChunkStore;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;

/**
 * Copies chunks from other chunkservers on the master's orders, one {@link ReplicationJob} per
 * order and at most one per chunk: a second order for a chunk being copied (the master retrying
 * after a timeout) is refused as busy instead of deleting the first one's work under it.
 */
public final class Replicator {
    private final ChunkStore store;
    private final Executor workers;
    private final EventLoopGroup group;
    private final int timeoutMillis;
    private final Set<Long> copying = ConcurrentHashMap.newKeySet();

    public Replicator(ChunkStore store, Executor workers, EventLoopGroup group, int timeoutMillis) {
        this.store = store;
        this.workers = workers;
        this.group = group;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Replaces any local copy of the chunk by a copy of {@code source}'s at {@code version}. The
     * future never fails: it carries OK, or the error after the partial copy has been removed.
     */
    public CompletableFuture<Status> replicate(long chunkId, int version, ServerAddress source) {
        if (!copying.add(chunkId)) {
            return CompletableFuture.completedFuture(Status.CHUNK_BUSY);
        }
        return new ReplicationJob(store, workers, group, timeoutMillis, chunkId, version, source).run()
                .whenComplete((s, e) -> copying.remove(chunkId));
    }
}
