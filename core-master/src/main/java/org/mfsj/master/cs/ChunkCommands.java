package org.mfsj.master.cs;

import static org.mfsj.master.chunks.ChunkIds.hex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.mfsj.common.status.Status;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.Replica;
import org.mfsj.master.chunks.StorageServer;
import org.mfsj.master.meta.ChunkLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders that go to every copy of a chunk at once (create, version bump, cut) and their effect
 * on the registry. Each completes, on the master thread, with the servers that succeeded, in
 * the order they were asked; the copies that failed keep their old version and are stale.
 */
public final class ChunkCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkCommands.class);

    private final ChunkRegistry registry;
    private final CsOrders orders;
    private final ChunkLog log;

    public ChunkCommands(ChunkRegistry registry, CsOrders orders, ChunkLog log) {
        this.registry = registry;
        this.orders = orders;
        this.log = log;
    }

    /**
     * Creates the (new, empty) chunk at its current version on each of {@code targets}, once its
     * id is durable in the changelog.
     */
    public CompletableFuture<List<StorageServer>> create(Chunk c, List<StorageServer> targets) {
        return log.durable().thenCompose(d -> createNow(c, targets));
    }

    /**
     * Creates the new chunk on each of {@code targets} at once, before its id is durable: only for
     * a scratch file's chunk, whose id a restarted master never hands out again (its ids skip a
     * gap), so a copy made for a record the log lost is an orphan the master deletes.
     */
    public CompletableFuture<List<StorageServer>> createNow(Chunk c, List<StorageServer> targets) {
        int version = c.version();
        return onEach(targets, s -> orders.create(s, c.id(), version), "create", c).thenApply(ok -> {
            ok.stream().filter(StorageServer::connected).forEach(s -> registry.addCopy(s, c.id(), version));
            return ok;
        });
    }

    /**
     * Takes the new chunk as made on each of {@code targets} without asking them: the client's
     * chain creates it when its write session starts (WriteInitNew), as for {@link #createNow}
     * only for a scratch file's chunk. A server that fails to create it fails that session; the
     * client's next try bumps the version, which drops the copies that do not exist (and when none
     * exists, ChunkWrites makes the chunk anew on a new chain).
     */
    public CompletableFuture<List<StorageServer>> createByChain(Chunk c, List<StorageServer> targets) {
        List<StorageServer> ok = targets.stream().filter(StorageServer::connected).toList();
        ok.forEach(s -> registry.addCopy(s, c.id(), c.version()));
        return CompletableFuture.completedFuture(ok);
    }

    /**
     * Copies every valid copy of {@code src} to the new chunk {@code copy} (at its version) on the
     * same servers, once the new id is durable: copy-on-write of a chunk a snapshot shares.
     */
    public CompletableFuture<List<StorageServer>> duplicate(Chunk src, Chunk copy) {
        int version = src.version();
        int newVersion = copy.version();
        List<StorageServer> valid = validServers(src);
        return log.durable().thenCompose(d -> onEach(valid,
                s -> orders.duplicate(s, src.id(), version, copy.id(), newVersion), "duplicate", src)).thenApply(ok -> {
            ok.stream().filter(StorageServer::connected).forEach(s -> registry.addCopy(s, copy.id(), newVersion));
            return ok;
        });
    }

    /** Moves every valid copy to a fresh version before a write. */
    public CompletableFuture<List<StorageServer>> bumpVersion(Chunk c) {
        int old = c.version();
        int next = log.issueVersion(c);
        List<StorageServer> valid = validServers(c);
        return log.durable().thenCompose(d -> onEach(valid, s -> orders.setVersion(s, c.id(), old, next),
                "set version of", c)).thenApply(ok -> moved(c, next, ok));
    }

    /** Cuts every valid copy to {@code length} bytes, with a fresh version. */
    public CompletableFuture<List<StorageServer>> truncate(Chunk c, int length) {
        int old = c.version();
        int next = log.issueVersion(c);
        List<StorageServer> valid = validServers(c);
        return log.durable().thenCompose(d -> onEach(valid, s -> orders.truncate(s, c.id(), old, next, length),
                "truncate", c)).thenApply(ok -> moved(c, next, ok));
    }

    private List<StorageServer> moved(Chunk c, int next, List<StorageServer> ok) {
        if (!ok.isEmpty()) {
            log.versionChanged(c, next, Set.copyOf(ok));
        }
        return ok;
    }

    private static List<StorageServer> validServers(Chunk c) {
        return c.validReplicas().stream().map(Replica::server).toList();
    }

    private static CompletableFuture<List<StorageServer>> onEach(Collection<StorageServer> servers,
            Function<StorageServer, CompletableFuture<Status>> order, String what, Chunk c) {
        List<StorageServer> asked = new ArrayList<>(servers);
        List<CompletableFuture<Status>> results = asked.stream().map(order).toList();
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Set<StorageServer> ok = new LinkedHashSet<>();
            for (int i = 0; i < asked.size(); i++) {
                Status st = results.get(i).join();
                if (st.isOk()) {
                    ok.add(asked.get(i));
                } else {
                    LOG.warn("chunkserver {} failed to {} chunk {}: {}", asked.get(i), what, hex(c.id()), st);
                }
            }
            return List.copyOf(ok);
        });
    }
}
