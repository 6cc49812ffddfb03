package org.mfsj.master.ha;

import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireClient;
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
    private final List<ServerAddress> peers;
    private final Handler handler;
    private final AtomicReferenceArray<Peer> live;
    private final boolean[] warned;
    private volatile boolean closed;

    public PeerLinks(EventLoopGroup group, List<ServerAddress> peers, Handler handler) {
        this.group = group;
        this.peers = List.copyOf(peers);
        this.handler = handler;
        this.live = new AtomicReferenceArray<>(peers.size());
        this.warned = new boolean[peers.size()];
    }

    public void start() {
        for (int i = 0; i < peers.size(); i++) {
            connect(i);
        }
    }

    private void connect(int i) {
        if (closed) {
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
                live.compareAndSet(i, peer, null);
                retry(i);
            }
        };
        WireClient.connect(group, to, FollowerProtocol.FAMILY, FollowerProtocol.FAMILY, inbound,
                CONNECT_TIMEOUT_MILLIS).whenComplete((p, e) -> {
                    if (e != null) {
                        if (!warned[i]) {
                            LOG.warn("master {} unreachable: {}; retrying every {} ms", to, e.getMessage(),
                                    RETRY_MILLIS);
                            warned[i] = true;
                        }
                        retry(i);
                        return;
                    }
                    if (closed) {
                        p.close();
                        return;
                    }
                    warned[i] = false;
                    live.set(i, p);
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
        Peer p = live.get(peer);
        if (p != null && p.isActive()) {
            p.send(m);
        }
    }

    public int size() {
        return peers.size();
    }

    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < peers.size(); i++) {
            Peer p = live.getAndSet(i, null);
            if (p != null) {
                p.close();
            }
        }
    }
}
