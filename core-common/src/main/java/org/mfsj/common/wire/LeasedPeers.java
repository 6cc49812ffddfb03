package org.mfsj.common.wire;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.mfsj.common.types.ServerAddress;

/**
 * Connections a caller takes for itself, one per server at a time (a chunk write session needs its
 * own), kept open after a clean end for the next caller: a small write is then not held up by a
 * new TCP connection at each hop of its chain. A connection that closes leaves the pool at once.
 * The lessee of a connection hears of its messages and of its closing; between leases nobody does.
 */
public final class LeasedPeers implements AutoCloseable {
    private static final Peer.Inbound NOBODY = (from, m) -> from.close();

    private final EventLoopGroup group;
    private final MessageFamily family;
    private final int connectTimeoutMs;
    private final int idlePerServer;
    private final Map<ServerAddress, ArrayDeque<Peer>> idle = new HashMap<>();
    private final Map<Peer, Lessee> lessees = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicLong connected = new java.util.concurrent.atomic.AtomicLong();
    private boolean closed;

    public LeasedPeers(EventLoopGroup group, MessageFamily family, int connectTimeoutMs, int idlePerServer) {
        this.group = group;
        this.family = family;
        this.connectTimeoutMs = connectTimeoutMs;
        this.idlePerServer = idlePerServer;
    }

    /** An idle connection to {@code server}, or a new one; {@code owner} hears of it until it is given back. */
    public CompletableFuture<Peer> lease(ServerAddress server, Peer.Inbound owner) {
        synchronized (this) {
            ArrayDeque<Peer> q = idle.get(server);
            Peer p;
            while (q != null && (p = q.pollFirst()) != null) {
                if (p.isActive()) {
                    lessees.get(p).owner = owner;
                    return CompletableFuture.completedFuture(p);
                }
            }
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("connections closed"));
            }
        }
        Lessee l = new Lessee(server, owner);
        connected.incrementAndGet();
        return WireClient.connect(group, server, family, family, l, connectTimeoutMs).thenApply(p -> {
            synchronized (this) {
                lessees.put(p, l);
            }
            if (!p.isActive()) {
                // closed before it was recorded: onClose found nothing to forget
                forget(server, p);
            }
            return p;
        });
    }

    /** Gives back a connection whose use ended cleanly (every call answered), for the next lessee. */
    public void release(ServerAddress server, Peer p) {
        synchronized (this) {
            Lessee l = lessees.get(p);
            if (l != null) {
                // whatever becomes of the connection now, its last lessee is done with it
                l.owner = NOBODY;
            }
            ArrayDeque<Peer> q = idle.computeIfAbsent(server, k -> new ArrayDeque<>());
            if (l != null && !closed && p.isActive() && q.size() < idlePerServer) {
                q.addLast(p);
                return;
            }
        }
        discard(p);
    }

    /** Closes a connection that may be in an unknown state (a failed or abandoned use). */
    public void discard(Peer p) {
        p.close();
    }

    /** Connections asked for so far: each lease that found none idle (a failed connect counts too). */
    public long connected() {
        return connected.get();
    }

    /** Idle connections kept now, for tests. */
    public synchronized int idle() {
        return idle.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    private synchronized Peer.Inbound forget(ServerAddress server, Peer p) {
        ArrayDeque<Peer> q = idle.get(server);
        if (q != null) {
            q.remove(p);
        }
        Lessee l = lessees.remove(p);
        return l == null ? NOBODY : l.owner;
    }

    @Override
    public void close() {
        ArrayDeque<Peer> all = new ArrayDeque<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
        }
        all.forEach(Peer::close);
    }

    /** Routes a connection's events to whoever holds it now. */
    private final class Lessee implements Peer.Inbound {
        private final ServerAddress server;
        private volatile Peer.Inbound owner;

        Lessee(ServerAddress server, Peer.Inbound owner) {
            this.server = server;
            this.owner = owner;
        }

        @Override
        public void onMessage(Peer from, Message message) {
            owner.onMessage(from, message);
        }

        @Override
        public void onClose(Peer peer) {
            Peer.Inbound o = owner;
            forget(server, peer);
            o.onClose(peer);
        }
    }
}
