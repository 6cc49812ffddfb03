package org.mfsj.master;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.WireServer;
import org.mfsj.common.wire.chunk2master.ChunkMasterProtocol;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.master.changelog.FileChangelog;
import org.mfsj.master.exports.ExportsPush;
import org.mfsj.master.exports.ExportsSource;
import org.mfsj.master.exports.LiveExports;
import org.mfsj.master.ha.GroupCalls;
import org.mfsj.master.ha.RoleInbound;
import org.mfsj.master.image.ImageSaver;
import org.mfsj.master.image.MetaStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running master: the two listeners (chunkservers, clients), the master thread and its
 * periodic jobs. Only start and stop live here; behaviour is in the parts {@link MasterWiring}
 * puts together.
 */
public final class MasterServer implements RunningMaster {
    private static final Logger LOG = LoggerFactory.getLogger(MasterServer.class);
    /** How often idle client sessions are looked for, at most: often enough for a short sustain time. */
    private static final Duration SESSION_SWEEP = Duration.ofMinutes(1);
    /** How often files past their trash time are freed; MooseFS checks about as often. */
    private static final Duration TRASH_PURGE = Duration.ofSeconds(1);
    private static final int IO_THREADS = 4;

    private final MasterThread master;
    private final EventLoopGroup group;
    private final WireServer chunkservers;
    private final WireServer clients;
    private final MetaStore store;
    private final ImageSaver saver;
    private final String exportsFile;
    private final String name;

    private MasterServer(MasterThread master, EventLoopGroup group, WireServer chunkservers, WireServer clients,
            MetaStore store, ImageSaver saver, String exportsFile, String name) {
        this.master = master;
        this.group = group;
        this.chunkservers = chunkservers;
        this.clients = clients;
        this.store = store;
        this.saver = saver;
        this.exportsFile = exportsFile;
        this.name = name;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A quarter of the sustain time, between one second and {@link #SESSION_SWEEP}. */
    static Duration sessionSweep(Duration sustain) {
        Duration quarter = sustain.dividedBy(4);
        if (quarter.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return quarter.compareTo(SESSION_SWEEP) > 0 ? SESSION_SWEEP : quarter;
    }

    /**
     * Binds both ports (0 = any free one), loads the metadata (image + changelog; a damaged file
     * stops the start with an IOException naming it) and starts serving. The ports are taken
     * first so nothing else can take them during a long load; a connection made before the load
     * is done is closed at once, and its peer comes back as it would to a restarting master.
     */
    public static MasterServer start(MasterConfig cfg, Clock clock)
            throws InterruptedException, IOException, ConfigException {
        ExportsSource exportsFile = ExportsSource.read(cfg.exportsFile());
        // the client connections are served on the master thread itself (see MasterThread)
        MasterThread master = MasterThread.servingConnections("mfsmaster");
        AtomicReference<MasterServer> self = new AtomicReference<>();
        AtomicReference<MasterWiring> wiring = new AtomicReference<>();
        EventLoopGroup group = Transport.newGroup(IO_THREADS);
        WireServer cs = null;
        WireServer cl = null;
        MetaStore store = null;
        ImageSaver saver = null;
        try {
            cs = WireServer.bind(group, cfg.chunkserverHost(), cfg.chunkserverPort(), ChunkMasterProtocol.FAMILY,
                    ChunkMasterProtocol.FAMILY, () -> whenLoaded(wiring.get(), MasterWiring::chunkservers));
            cl = WireServer.bind(master.connections(), cfg.clientHost(), cfg.clientPort(), ClientMasterProtocol.FAMILY,
                    ClientMasterProtocol.FAMILY, () -> whenLoaded(wiring.get(), MasterServer::clientsWithRole));
            store = MetaStore.open(cfg.dataPath(), clock, cfg.defaultGoal(), cfg.changelogSegmentBytes(), master,
                    () -> stopServing(self.get()));
            if (store.log() instanceof FileChangelog local) {
                // a lone client's change is forced on the master thread, its reply sent from there
                local.forceOn(master);
            }
            saver = new ImageSaver(cfg.dataPath(), store.log(), clock, cfg.backLogs());
            MasterWiring w = MasterWiring.build(cfg, clock, master, store, saver,
                    new LiveExports(store.state()::exports, exportsFile));
            String name = name(cfg.clientHost(), cl.port());
            // on the master thread, the changelog's only writer (a new file system's first change,
            // the root's trash time, is written there already)
            MetaStore loaded = store;
            master.execute(() -> ExportsPush.atLeadership(exportsFile, loaded.journal(), name));
            master.every(cfg.chunksLoopTime(), w.chunkLoop());
            master.every(sessionSweep(min(cfg.sessionSustainTime(), cfg.sessionLocksTimeout())), w.sessionSweep());
            master.every(TRASH_PURGE, w.trashPurge());
            saver.schedule(cfg.metadataSaveFreq());
            MasterServer server = new MasterServer(master, group, cs, cl, store, saver, cfg.exportsFile(), name);
            self.set(server);
            wiring.set(w);
            LOG.info("master ready: clients on {}:{}, chunkservers on {}:{}", cfg.clientHost(), cl.port(),
                    cfg.chunkserverHost(), cs.port());
            return server;
        } catch (InterruptedException | IOException | RuntimeException e) {
            for (WireServer ws : new WireServer[] {cl, cs}) {
                if (ws != null) {
                    ws.close();
                }
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            if (saver != null) {
                saver.close();
            }
            master.close();
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    /** Client requests, and a role query answered "single": no peers, this master always leads. */
    private static Peer.Inbound clientsWithRole(MasterWiring w) {
        return new RoleInbound(w.master(), GroupCalls.single(() -> w.journal().lastVersion()), w.clients());
    }

    /** The handler of a new connection; before the metadata is loaded, one that hangs up. */
    private static Peer.Inbound whenLoaded(MasterWiring w, Function<MasterWiring, Peer.Inbound> inbound) {
        if (w != null) {
            return inbound.apply(w);
        }
        return (from, message) -> {
            LOG.debug("{} sent {} while the metadata is still loading; closing", from.remote(),
                    message.getClass().getSimpleName());
            from.close();
        };
    }

    /** The changelog cannot be written: no client may be told of another change. */
    private static void stopServing(MasterServer server) {
        if (server != null) {
            LOG.error("master stops listening: its changelog failed");
            Thread t = new Thread(() -> {
                server.clients.close();
                server.chunkservers.close();
            }, "mfsmaster-stop");
            t.start();
        }
    }

    private static String name(String host, int port) {
        return (host.equals("*") || host.isEmpty() ? "localhost" : host) + ":" + port;
    }

    @Override
    public void reloadExports() {
        master.execute(() -> {
            try {
                ExportsPush.onReload(ExportsSource.read(exportsFile), store.journal(), name);
            } catch (ConfigException e) {
                LOG.error("exports reload refused, the exports in force stay: {}", e.getMessage());
            }
        });
    }

    /** Runs {@code task} on the master thread, after what is queued there; for tests and tools. */
    public void onMasterThread(Runnable task) {
        master.execute(task);
    }

    /** The master's metadata store; for tests and benchmarks (its state belongs to the master thread). */
    public MetaStore metadata() {
        return store;
    }

    public int clientPort() {
        return clients.port();
    }

    public int chunkserverPort() {
        return chunkservers.port();
    }

    @Override
    public void close() {
        clients.close();
        chunkservers.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        saver.close();
        master.close();
        try {
            store.close();
        } catch (IOException e) {
            LOG.error("changelog did not close cleanly", e);
        }
        LOG.info("master stopped");
    }
}
