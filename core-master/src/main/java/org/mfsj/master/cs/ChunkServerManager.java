package org.mfsj.master.cs;

import static org.mfsj.master.chunks.ChunkIds.hex;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.util.Set;
import java.util.function.LongSupplier;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkCopy;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.chunk2master.CsChunkDamaged;
import org.mfsj.common.wire.chunk2master.CsChunksAdded;
import org.mfsj.common.wire.chunk2master.CsChunksLost;
import org.mfsj.common.wire.chunk2master.CsHeartbeat;
import org.mfsj.common.wire.chunk2master.CsRegister;
import org.mfsj.common.wire.chunk2master.CsRegisterReply;
import org.mfsj.common.wire.chunk2master.CsRegistrationDone;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.ReplicationGate;
import org.mfsj.master.chunks.ServerTable;
import org.mfsj.master.chunks.StorageServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What chunkservers tell the master: registration, chunk reports, space, damage and loss, and
 * their going away. Runs on the master thread only. A server id that registers again replaces
 * its old connection; when a connection ends its copies stop counting until it registers again,
 * and the versions it then reports show which copies went stale meanwhile.
 */
public final class ChunkServerManager {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkServerManager.class);
    /** Hosts a server may advertise when it listens on every interface; the peer's IP is used instead. */
    private static final Set<String> WILDCARDS = Set.of("", "*", "0.0.0.0", "::", "[::]");

    private final ServerTable servers;
    private final ChunkRegistry registry;
    private final ChunkServerLinks links;
    private final ReplicationGate gate;
    private final Clock clock;
    private final LongSupplier term;

    public ChunkServerManager(ServerTable servers, ChunkRegistry registry, ChunkServerLinks links,
                              ReplicationGate gate, Clock clock) {
        this(servers, registry, links, gate, clock, () -> 0);
    }

    /** {@code term}: this master's term (epoch), told to each chunkserver as it registers. */
    public ChunkServerManager(ServerTable servers, ChunkRegistry registry, ChunkServerLinks links,
                              ReplicationGate gate, Clock clock, LongSupplier term) {
        this.term = term;
        this.servers = servers;
        this.registry = registry;
        this.links = links;
        this.gate = gate;
        this.clock = clock;
    }

    public void onMessage(Peer peer, Message m) {
        if (m instanceof CsRegister r) {
            register(peer, r);
            return;
        }
        StorageServer s = links.serverOf(peer);
        if (s == null) {
            LOG.warn("chunkserver connection {} sent {} before registering; closing", peer.remote(),
                    m.getClass().getSimpleName());
            peer.close();
        } else if (m instanceof CsChunksAdded added) {
            for (ChunkCopy copy : added.chunks()) {
                registry.addCopy(s, copy.chunkId(), copy.version());
            }
        } else if (m instanceof CsRegistrationDone) {
            s.markRegistered();
            LOG.info("chunkserver {} reported all its chunks: {}", s, s.chunkCount());
        } else if (m instanceof CsHeartbeat hb) {
            s.updateDisks(hb.disks());
        } else if (m instanceof CsChunkDamaged d) {
            LOG.warn("chunkserver {} dropped a damaged copy of chunk {} v{}", s, hex(d.chunkId()), d.version());
            registry.removeCopy(s, d.chunkId());
        } else if (m instanceof CsChunksLost lost) {
            LOG.warn("chunkserver {} lost {} copies with a disk", s, lost.chunkIds().size());
            lost.chunkIds().forEach(id -> registry.removeCopy(s, id));
        } else {
            LOG.warn("chunkserver {} sent {}, which it may not send; closing", s, m.getClass().getSimpleName());
            peer.close();
        }
    }

    public void onClose(Peer peer) {
        StorageServer s = links.serverOf(peer);
        if (s != null) {
            int copies = s.chunkCount();
            drop(s);
            LOG.info("chunkserver {} disconnected; its {} copies no longer count", s, copies);
        }
    }

    private void register(Peer peer, CsRegister r) {
        StorageServer previous = servers.get(r.serverId());
        if (previous != null && previous.connected()) {
            Peer old = links.peerOf(previous);
            LOG.warn("chunkserver id {} registers again from {}; replacing its connection from {}",
                    r.serverId(), peer.remote(), old == null ? "?" : old.remote());
            drop(previous);
            if (old != null && old != peer) {
                old.close();
            }
        }
        StorageServer s = new StorageServer(r.serverId(), advertised(r.dataAddress(), peer.remote()), r.disks());
        servers.put(s);
        links.put(s, peer);
        long t = term.getAsLong();
        peer.send(new CsRegisterReply(r.msgId(), Status.OK, t));
        LOG.info("chunkserver {} registered from {} with {} disks, {} MiB free (term {})", s, peer.remote(),
                r.disks().size(), s.freeBytes() >> 20, t);
    }

    private void drop(StorageServer s) {
        s.markDisconnected();
        registry.removeServer(s);
        links.remove(s);
        gate.noteDisconnect(clock.instant());
    }

    /** The data address clients should use: the advertised one, with the peer's IP for a wildcard. */
    static ServerAddress advertised(ServerAddress given, SocketAddress remote) {
        if (WILDCARDS.contains(given.host()) && remote instanceof InetSocketAddress in && in.getAddress() != null) {
            return new ServerAddress(in.getAddress().getHostAddress(), given.port());
        }
        return given;
    }
}
