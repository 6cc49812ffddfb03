package org.mfsj.client.io;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.LeasedPeers;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2chunk.ClientChunkProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pool of connections per chunkserver. Reads share a couple of connections per server
 * (requests are multiplexed by message id); a chunk write session needs a connection of its own,
 * so writers lease one and hand it back when the session ended cleanly. A connection that closes
 * leaves the pool at once; the next request opens a fresh one.
 */
public final class ChunkConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkConnections.class);
    /** More than one lets a server work on several reads of ours at a time. */
    private static final int SHARED_PER_SERVER = 2;
    private static final int IDLE_LEASES_PER_SERVER = 4;
    private static final Peer.Inbound WRITER = (from, m) -> LOG.debug("chunkserver {} sent unexpected {}; ignored",
            from.remote(), m.getClass().getSimpleName());

    private final EventLoopGroup group;
    private final int connectTimeoutMs;
    private final Map<ServerAddress, Pool> pools = new ConcurrentHashMap<>();
    private final LeasedPeers leased;
    private volatile boolean closed;

    public ChunkConnections(EventLoopGroup group, int connectTimeoutMs) {
        this.group = group;
        this.connectTimeoutMs = connectTimeoutMs;
        this.leased = new LeasedPeers(group, ClientChunkProtocol.FAMILY, connectTimeoutMs, IDLE_LEASES_PER_SERVER);
    }

    /** A connection for reads; others use it at the same time. */
    public CompletableFuture<Peer> shared(ServerAddress server) {
        return pool(server).shared();
    }

    /** A connection for this caller alone (a write session); give it back with {@link #release}. */
    public CompletableFuture<Peer> lease(ServerAddress server) {
        return closed ? CompletableFuture.failedFuture(new IllegalStateException("client closed"))
                : leased.lease(server, WRITER);
    }

    /** Returns a leased connection whose session ended cleanly, so the next writer can reuse it. */
    public void release(ServerAddress server, Peer p) {
        leased.release(server, p);
    }

    /** Closes a connection that may be in an unknown state (a failed write session, a silent server). */
    public void discard(Peer p) {
        p.close();
    }

    private Pool pool(ServerAddress server) {
        return pools.computeIfAbsent(server, Pool::new);
    }

    private CompletableFuture<Peer> connect(ServerAddress server) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("client closed"));
        }
        return WireClient.connect(group, server, ClientChunkProtocol.FAMILY, ClientChunkProtocol.FAMILY,
                new Peer.Inbound() {
                    @Override
                    public void onMessage(Peer from, Message message) {
                        LOG.debug("chunkserver {} sent unexpected {}; ignored", server,
                                message.getClass().getSimpleName());
                    }

                    @Override
                    public void onClose(Peer peer) {
                        LOG.debug("chunkserver {} connection closed", server);
                        pool(server).forget(peer);
                    }
                }, connectTimeoutMs);
    }

    @Override
    public void close() {
        closed = true;
        leased.close();
        pools.values().forEach(Pool::closeAll);
        pools.clear();
    }

    private final class Pool {
        private final ServerAddress server;
        private final List<CompletableFuture<Peer>> shared = new ArrayList<>();
        private int next;

        Pool(ServerAddress server) {
            this.server = server;
        }

        synchronized CompletableFuture<Peer> shared() {
            shared.removeIf(Pool::dead);
            if (shared.size() < SHARED_PER_SERVER) {
                CompletableFuture<Peer> f = connect(server);
                shared.add(f);
                return f;
            }
            next = (next + 1) % shared.size();
            return shared.get(next);
        }

        synchronized void forget(Peer p) {
            shared.removeIf(f -> f.isDone() && !f.isCompletedExceptionally() && f.join() == p);
        }

        synchronized void closeAll() {
            shared.forEach(f -> f.thenAccept(Peer::close));
            shared.clear();
        }

        private static boolean dead(CompletableFuture<Peer> f) {
            return f.isCompletedExceptionally() || f.isDone() && !f.join().isActive();
        }
    }
}
