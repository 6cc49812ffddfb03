package org.mfsj.master;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.WireServer;
import org.mfsj.common.wire.chunk2master.ChunkMasterProtocol;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.master2follower.FollowerProtocol;
import org.mfsj.master.exports.ExportsSource;
import org.mfsj.master.ha.FileTermStore;
import org.mfsj.master.ha.HaStats;
import org.mfsj.master.ha.TermStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A master among voting peers (master HA): the three listeners (chunkservers, clients, other
 * masters) and the term file, which last for the whole process, and the current
 * {@link Incarnation} of the metadata, replaced by a fresh one loaded from disk whenever this
 * master stops leading or must drop entries it applied. Between two lives every connection is
 * closed: clients and chunkservers go to whichever master leads, and resume there.
 */
public final class ReplicatedMasterServer implements RunningMaster {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicatedMasterServer.class);
    private static final int IO_THREADS = 4;
    private static final long RESTART_PAUSE_MILLIS = 1000;

    private final MasterConfig cfg;
    private final Clock clock;
    private volatile ExportsSource exports;
    private final EventLoopGroup group;
    /**
     * The master thread of every life, and the event loop of the client and master-to-master
     * connections: a request, an entry from the leader or a follower's acknowledgement is read and
     * handled there, and answered from there, with no hand-off between threads on the way (see
     * {@link MasterThread}). The chunkservers' connections stay on {@link #group}.
     */
    private final EventLoopGroup serving = MasterThread.newLoop("mfsmaster");
    private final TermStore terms;
    private final ExecutorService lives = Executors.newSingleThreadExecutor(r -> new Thread(r, "mfsmaster-reload"));
    private WireServer chunkservers;
    private WireServer clients;
    private WireServer sync;
    private volatile Incarnation current;
    private volatile boolean closed;

    private ReplicatedMasterServer(MasterConfig cfg, Clock clock, ExportsSource exports, EventLoopGroup group,
            TermStore terms) {
        this.cfg = cfg;
        this.clock = clock;
        this.exports = exports;
        this.group = group;
        this.terms = terms;
    }

    /** Binds the three ports, loads the metadata and starts following (then perhaps leading). */
    public static ReplicatedMasterServer start(MasterConfig cfg, Clock clock)
            throws InterruptedException, IOException, ConfigException {
        ExportsSource exports = ExportsSource.read(cfg.exportsFile());
        EventLoopGroup group = Transport.newGroup(IO_THREADS);
        ReplicatedMasterServer s = new ReplicatedMasterServer(cfg, clock, exports, group,
                FileTermStore.open(cfg.dataPath()));
        try {
            s.bind();
            s.current = s.newLife(cfg.ha().preferred());
        } catch (InterruptedException | IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        LOG.info("replicated master ready: clients on {}, chunkservers on port {}, masters on port {}",
                s.clientsAt(), s.chunkservers.port(), s.sync.port());
        return s;
    }

    private void bind() throws InterruptedException {
        chunkservers = WireServer.bind(group, cfg.chunkserverHost(), cfg.chunkserverPort(), ChunkMasterProtocol.FAMILY,
                ChunkMasterProtocol.FAMILY, () -> inbound(Incarnation::chunkservers));
        clients = WireServer.bind(serving, cfg.clientHost(), cfg.clientPort(), ClientMasterProtocol.FAMILY,
                ClientMasterProtocol.FAMILY, () -> inbound(Incarnation::clients));
        sync = WireServer.bind(serving, cfg.chunkserverHost(), cfg.ha().syncPort(), FollowerProtocol.FAMILY,
                FollowerProtocol.FAMILY, () -> inbound(Incarnation::sync));
    }

    private String clientsAt() {
        String host = cfg.clientHost().equals("*") || cfg.clientHost().isEmpty() ? "localhost" : cfg.clientHost();
        return host + ":" + clients.port();
    }

    /**
     * Where the other masters reach this one, as written into voter sets: the listening host, or
     * with a wildcard this machine's name.
     */
    private ServerAddress syncAt() {
        String host = cfg.chunkserverHost();
        if (host.equals("*") || host.isEmpty() || host.equals("0.0.0.0")) {
            try {
                host = java.net.InetAddress.getLocalHost().getCanonicalHostName();
            } catch (java.net.UnknownHostException e) {
                host = "localhost";
            }
        }
        return new ServerAddress(host, sync.port());
    }

    private Incarnation newLife(boolean standFirst) throws IOException {
        return Incarnation.start(cfg, clock, exports, terms, serving, new Incarnation.Owner() {
            @Override
            public void ended(Incarnation which) {
                replace(which);
            }

            @Override
            public ExportsSource exports() {
                return exports;
            }

            @Override
            public void failed(Incarnation which) {
                LOG.error("changelog of master {} failed; it stops serving until restarted", clientsAt());
                lives.execute(() -> {
                    current = null;
                    dropAll();
                    which.close();
                });
            }
        }, clientsAt(), syncAt(), standFirst);
    }

    @Override
    public void reloadExports() {
        try {
            exports = ExportsSource.read(cfg.exportsFile());
        } catch (ConfigException e) {
            LOG.error("exports reload refused, the exports in force stay: {}", e.getMessage());
            return;
        }
        Incarnation i = current;
        if (i != null) {
            i.reloadExports(exports);
        }
    }

    /** A connection's handler from the current life; while there is none, one that hangs up. */
    private Peer.Inbound inbound(Function<Incarnation, Peer.Inbound> pick) {
        Incarnation i = current;
        if (i != null) {
            return pick.apply(i);
        }
        return (from, message) -> from.close();
    }

    private void replace(Incarnation old) {
        lives.execute(() -> {
            if (current != old || closed) {
                return;
            }
            current = null;
            dropAll();
            old.close();
            while (!closed) {
                try {
                    current = newLife(false);
                    return;
                } catch (IOException | RuntimeException e) {
                    LOG.error("master {} cannot reload its metadata; trying again in {} ms", clientsAt(),
                            RESTART_PAUSE_MILLIS, e);
                    try {
                        Thread.sleep(RESTART_PAUSE_MILLIS);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        });
    }

    private void dropAll() {
        clients.dropConnections();
        chunkservers.dropConnections();
        sync.dropConnections();
    }

    /** This master's counters in its current life (benchmarks); empty between two lives. */
    public Optional<HaStats> stats() throws InterruptedException {
        Incarnation i = current;
        if (i == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(i.stats().get(5, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    public int clientPort() {
        return clients.port();
    }

    public int chunkserverPort() {
        return chunkservers.port();
    }

    public int syncPort() {
        return sync.port();
    }

    @Override
    public void close() {
        closed = true;
        lives.shutdownNow();
        try {
            lives.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (WireServer w : new WireServer[] {clients, chunkservers, sync}) {
            if (w != null) {
                w.close();
            }
        }
        Incarnation i = current;
        current = null;
        if (i != null) {
            i.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        serving.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        LOG.info("replicated master stopped");
    }
}
