package org.mfsj.client.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.mfsj.client.master.Futures;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2chunk.ChunkSync;
import org.mfsj.common.wire.client2chunk.ChunkSyncReply;

/**
 * Has every server holding a copy of some written chunks force them to disk: one
 * {@link ChunkSync} per server, all servers at once, on the shared connections. Answers with what
 * failed, one line per chunk and server; nothing failed means every copy is durable.
 */
final class ChunkSyncer {
    /** Keeps a request well inside {@link ChunkSync#MAX_CHUNKS} and the frame limit. */
    private static final int BATCH = 8_192;

    private final ChunkConnections conns;
    private final long timeoutMs;

    ChunkSyncer(ChunkConnections conns, long timeoutMs) {
        this.conns = conns;
        this.timeoutMs = timeoutMs;
    }

    /** Forces every copy of {@code written}; returns the failures (empty when all are durable). */
    List<String> sync(List<WrittenChunks.Written> written) throws InterruptedException {
        Map<ServerAddress, List<ChunkSync.Chunk>> byServer = new LinkedHashMap<>();
        for (WrittenChunks.Written w : written) {
            for (ServerAddress s : w.servers()) {
                byServer.computeIfAbsent(s, k -> new ArrayList<>()).add(new ChunkSync.Chunk(w.chunkId(), w.version()));
            }
        }
        List<CompletableFuture<List<String>>> asked = new ArrayList<>();
        byServer.forEach((server, chunks) -> {
            for (int from = 0; from < chunks.size(); from += BATCH) {
                asked.add(ask(server, chunks.subList(from, Math.min(chunks.size(), from + BATCH))));
            }
        });
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<List<String>> f : asked) {
            try {
                failures.addAll(f.get());
            } catch (ExecutionException e) {
                failures.add(String.valueOf(e.getCause()));
            }
        }
        return failures;
    }

    private CompletableFuture<List<String>> ask(ServerAddress server, List<ChunkSync.Chunk> chunks) {
        return conns.shared(server)
                .thenCompose(p -> p.call(id -> new ChunkSync(id, chunks), ChunkSyncReply.class, timeoutMs))
                .handle((reply, e) -> {
                    List<String> failed = new ArrayList<>();
                    if (e != null || reply.statuses().size() != chunks.size()) {
                        Status s = e != null ? Futures.statusOf(e) : Status.EIO;
                        failed.add(chunks.size() + " chunks on " + server + ": " + s.message());
                        return failed;
                    }
                    for (int i = 0; i < chunks.size(); i++) {
                        Status s = reply.statuses().get(i);
                        if (!s.isOk()) {
                            failed.add("chunk " + Long.toHexString(chunks.get(i).id()) + " on " + server + ": "
                                    + s.message());
                        }
                    }
                    return failed;
                });
    }
}
