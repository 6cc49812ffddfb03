package org.mfsj.master.cs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.chunk2master.CreateChunk;
import org.mfsj.common.wire.chunk2master.CsCommandReply;
import org.mfsj.common.wire.chunk2master.DeleteChunk;
import org.mfsj.common.wire.chunk2master.DuplicateChunk;
import org.mfsj.common.wire.chunk2master.ReplicateChunk;
import org.mfsj.common.wire.chunk2master.SetChunkVersion;
import org.mfsj.common.wire.chunk2master.TruncateChunk;
import org.mfsj.master.chunks.StorageServer;

/**
 * Sends one order to one chunkserver. Every result is a {@link Status}, never an exception, and
 * arrives on the master thread, so callers may touch master state in their continuations.
 */
public final class CsOrders {
    /**
     * Orders a client's call waits for (create, version, truncate) touch one chunk header: well
     * under the client library's 10 s call timeout, or the client would send its request again.
     */
    static final long ORDER_TIMEOUT_MS = 5_000;
    /** A local copy of up to 64 MiB, while a client waits (its call timeout is 10 s). */
    static final long DUPLICATE_TIMEOUT_MS = 8_000;
    /** Nobody waits for a deletion. */
    static final long DELETE_TIMEOUT_MS = 60_000;
    /** A replication copies up to 64 MiB between servers. */
    static final long REPLICATE_TIMEOUT_MS = 300_000;

    private final ChunkServerLinks links;
    private final Executor master;

    public CsOrders(ChunkServerLinks links, Executor master) {
        this.links = links;
        this.master = master;
    }

    public CompletableFuture<Status> create(StorageServer s, long chunkId, int version) {
        return call(s, id -> new CreateChunk(id, chunkId, version), ORDER_TIMEOUT_MS);
    }

    public CompletableFuture<Status> setVersion(StorageServer s, long chunkId, int oldVersion, int newVersion) {
        return call(s, id -> new SetChunkVersion(id, chunkId, oldVersion, newVersion), ORDER_TIMEOUT_MS);
    }

    public CompletableFuture<Status> truncate(StorageServer s, long chunkId, int oldVersion, int newVersion,
                                              int length) {
        return call(s, id -> new TruncateChunk(id, chunkId, oldVersion, newVersion, length), ORDER_TIMEOUT_MS);
    }

    public CompletableFuture<Status> duplicate(StorageServer s, long chunkId, int version, long newChunkId,
                                               int newVersion) {
        return call(s, id -> new DuplicateChunk(id, chunkId, version, newChunkId, newVersion), DUPLICATE_TIMEOUT_MS);
    }

    public CompletableFuture<Status> delete(StorageServer s, long chunkId, int version) {
        return call(s, id -> new DeleteChunk(id, chunkId, version), DELETE_TIMEOUT_MS);
    }

    public CompletableFuture<Status> replicate(StorageServer target, long chunkId, int version, ServerAddress source) {
        return call(target, id -> new ReplicateChunk(id, chunkId, version, source), REPLICATE_TIMEOUT_MS);
    }

    private CompletableFuture<Status> call(StorageServer s, IntFunction<Message> order, long timeoutMs) {
        Peer peer = links.peerOf(s);
        if (peer == null) {
            return CompletableFuture.completedFuture(Status.DISCONNECTED);
        }
        return peer.call(order, CsCommandReply.class, timeoutMs)
                .handleAsync((reply, error) -> error == null ? reply.status() : statusOf(error), master);
    }

    /** The status a failed call stands for: the peer's own, a timeout, or a protocol error. */
    static Status statusOf(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof IllegalStateException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof MfsException m) {
            return m.status();
        }
        if (e instanceof TimeoutException) {
            return Status.ETIMEDOUT;
        }
        return Status.EIO;
    }
}
