package org.mfsj.master.ha;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.MessageCodec;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.WireWriter;
import org.mfsj.common.wire.master2follower.FollowerProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This master's own connections to each other voting master, over which it sends its requests
 * (votes asked, entries sent) and reads their answers. Each is re-made shortly after it drops, for
 * as long as the links are open; a message for a peer with no connection is dropped, as Raft
 * allows (the next heartbeat or election repeats it).
 */
public final class PeerLinks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerLinks.class);
    private static final long RETRY_MILLIS = 200;
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    /** Receives what a peer sends back; {@code peer} is its index in the list. */
    public interface Handler {
        void connected(int peer);

        void received(int peer, Peer from, Message m);
    }

    private final EventLoopGroup group;
    private final Handler handler;
    private final List<ServerAddress> peers = new CopyOnWriteArrayList<>();
    private final List<AtomicReference<Peer>> live = new CopyOnWriteArrayList<>();
    private final List<AtomicBoolean> warned = new CopyOnWriteArrayList<>();
    /** Peers no longer needed (not a voter, not catching up): not connected to until needed again. */
    private final List<AtomicBoolean> retired = new CopyOnWriteArrayList<>();
    private volatile boolean started;
    private volatile boolean closed;

    public PeerLinks(EventLoopGroup group, List<ServerAddress> peers, Handler handler) {
        this.group = group;
        this.handler = handler;
        peers.forEach(this::add);
    }

    public void start() {
        started = true;
        for (int i = 0; i < peers.size(); i++) {
            connect(i);
        }
    }

    /**
     * The index of the master at sync address {@code a} (by host and port as written), added and
     * connected to if it is new: one named by a change of voters. Master thread only.
     */
    public int add(ServerAddress a) {
        int i = indexOf(a);
        if (i >= 0) {
            keep(i);
            return i;
        }
        live.add(new AtomicReference<>());
        warned.add(new AtomicBoolean());
        retired.add(new AtomicBoolean());
        peers.add(a);
        i = peers.size() - 1;
        if (started) {
            connect(i);
        }
        return i;
    }

    /** The index of the peer at {@code a} (the same host, by name or address, and port); -1 if none. */
    public int indexOf(ServerAddress a) {
        for (int i = 0; i < peers.size(); i++) {
            if (SyncAddresses.same(a, peers.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Keeps connections to the peers in {@code needed} only (master thread): a master removed from
     * the voters, or one that never caught up, is no longer dialled every 200 ms for ever.
     */
    public void retainOnly(java.util.Set<Integer> needed) {
        for (int i = 0; i < peers.size(); i++) {
            if (needed.contains(i)) {
                keep(i);
            } else if (!retired.get(i).getAndSet(true)) {
                LOG.info("master {} is no longer a voter here; its link is closed", peers.get(i));
                Peer p = live.get(i).getAndSet(null);
                if (p != null) {
                    p.close();
                }
            }
        }
    }

    private void keep(int i) {
        if (retired.get(i).getAndSet(false) && started) {
            connect(i);
        }
    }

    /** The sync address of peer {@code i}. */
    public ServerAddress address(int i) {
        return peers.get(i);
    }

    private void connect(int i) {
        if (closed || retired.get(i).get()) {
            return;
        }
        ServerAddress to = peers.get(i);
        Peer.Inbound inbound = new Peer.Inbound() {
            @Override
            public void onMessage(Peer from, Message message) {
                handler.received(i, from, message);
            }

            @Override
            public void onClose(Peer peer) {
                live.get(i).compareAndSet(peer, null);
                retry(i);
            }
        };
        WireClient.connect(group, to, FollowerProtocol.FAMILY, FollowerProtocol.FAMILY, inbound,
                CONNECT_TIMEOUT_MILLIS).whenComplete((p, e) -> {
                    if (e != null) {
                        if (!warned.get(i).getAndSet(true)) {
                            LOG.warn("master {} unreachable: {}; retrying every {} ms", to, e.getMessage(),
                                    RETRY_MILLIS);
                        }
                        retry(i);
                        return;
                    }
                    if (closed || retired.get(i).get()) {
                        p.close();
                        return;
                    }
                    warned.get(i).set(false);
                    live.get(i).set(p);
                    LOG.info("connected to master {}", to);
                    handler.connected(i);
                });
    }

    private void retry(int i) {
        if (!closed) {
            group.schedule(() -> connect(i), RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    public void send(int peer, Message m) {
        Peer p = live.get(peer).get();
        if (p != null && p.isActive()) {
            p.send(m);
        }
    }

    /**
     * Sends {@code m} to each of {@code to} that is connected, encoded once: the same frame's bytes
     * go to every connection (the leader sends its followers the same AppendEntries when they stand
     * at the same version, as they usually do).
     */
    public void sendToAll(Collection<Integer> to, Message m) {
        List<Peer> connected = new ArrayList<>(to.size());
        for (int i : to) {
            Peer p = live.get(i).get();
            if (p != null && p.isActive()) {
                connected.add(p);
            }
        }
        if (connected.size() == 1) {
            connected.get(0).send(m);
        }
        if (connected.size() <= 1) {
            return;
        }
        ByteBuf frame = MessageCodec.startFrame(FollowerProtocol.FAMILY.typeOf(m), m.msgId(), m.sizeHint());
        try {
            m.encodeBody(new WireWriter(frame));
            MessageCodec.endFrame(frame);
            for (Peer p : connected) {
                p.sendFrame(frame.retainedDuplicate());
            }
        } finally {
            frame.release();
        }
    }

    public int size() {
        return peers.size();
    }

    @Override
    public void close() {
        closed = true;
        for (AtomicReference<Peer> slot : live) {
            Peer p = slot.getAndSet(null);
            if (p != null) {
                p.close();
            }
        }
    }
}
