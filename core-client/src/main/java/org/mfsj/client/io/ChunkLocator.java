package org.mfsj.client.io;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.mfsj.client.ClientMetrics;
import org.mfsj.client.cache.ChunkLocation;
import org.mfsj.client.cache.ChunkLocationCache;
import org.mfsj.client.master.MasterCalls;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.client2master.ReadChunk;
import org.mfsj.common.wire.client2master.ReadChunkReply;

/**
 * Finds where a chunk lives: from the cache, else from the master. Concurrent misses for the same
 * chunk (a read-ahead burst) share one master request.
 */
public final class ChunkLocator {
    private record Key(long inode, int index) {
    }

    private final MasterCalls master;
    private final ChunkLocationCache cache;
    private final Executor background;
    private final ClientMetrics metrics;
    private final Map<Key, CompletableFuture<ChunkLocation>> inFlight = new ConcurrentHashMap<>();

    public ChunkLocator(MasterCalls master, ChunkLocationCache cache, Executor background, ClientMetrics metrics) {
        this.master = master;
        this.cache = cache;
        this.background = background;
        this.metrics = metrics;
    }

    public CompletableFuture<ChunkLocation> locate(long inode, int index) {
        ChunkLocation cached = cache.get(inode, index);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        Key k = new Key(inode, index);
        CompletableFuture<ChunkLocation> mine = new CompletableFuture<>();
        CompletableFuture<ChunkLocation> theirs = inFlight.putIfAbsent(k, mine);
        if (theirs != null) {
            return theirs;
        }
        // the master call blocks while the master is away, so it must not run on an event loop
        try {
            background.execute(() -> fetchInto(mine, k));
        } catch (RejectedExecutionException closing) {
            inFlight.remove(k, mine);
            mine.completeExceptionally(new MfsException(Status.EBADF, "client is closed"));
        }
        return mine;
    }

    private void fetchInto(CompletableFuture<ChunkLocation> mine, Key k) {
        try {
            mine.complete(fetch(k.inode(), k.index()));
        } catch (MfsException | RuntimeException e) {
            mine.completeExceptionally(e instanceof MfsException ? e : new CompletionException(e));
        } finally {
            inFlight.remove(k, mine);
        }
    }

    /** Drops a location that failed, unless a fresher one replaced it meanwhile. */
    public void forget(ChunkLocation stale) {
        cache.invalidate(stale);
    }

    private ChunkLocation fetch(long inode, int index) throws MfsException {
        metrics.locationLookup();
        String what = "locate chunk " + index + " of inode " + inode;
        ReadChunkReply r = master.request(id -> new ReadChunk(id, inode, index), ReadChunkReply.class, what);
        MfsException.check(r.status(), what);
        ChunkLocation loc = new ChunkLocation(inode, index, r.fileLength(), r.chunkId(), r.version(), r.locations());
        cache.put(loc);
        return loc;
    }
}
