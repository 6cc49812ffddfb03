package org.mfsj.chunkserver.master;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mfsj.chunkserver.ChunkIds;
import org.mfsj.chunkserver.MasterReports;
import org.mfsj.chunkserver.Statuses;
import org.mfsj.chunkserver.Threads;
import org.mfsj.chunkserver.replication.Replicator;
import org.mfsj.chunkserver.store.ChunkInfo;
import org.mfsj.chunkserver.store.ChunkStore;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkCopy;
import org.mfsj.common.types.DiskReport;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.chunk2master.ChunkMasterProtocol;
import org.mfsj.common.wire.chunk2master.CsChunkDamaged;
import org.mfsj.common.wire.chunk2master.CsChunksAdded;
import org.mfsj.common.wire.chunk2master.CsChunksLost;
import org.mfsj.common.wire.chunk2master.CsHeartbeat;
import org.mfsj.common.wire.chunk2master.CsRegister;
import org.mfsj.common.wire.chunk2master.CsRegisterReply;
import org.mfsj.common.wire.chunk2master.CsRegistrationDone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunkserver's connection to the master: registers (introduction, every chunk in batches,
 * done), sends a heartbeat every second and reports chunks as they come and go, and reconnects
 * forever when the master goes away. Every send happens on one timer thread, so reports never
 * overtake the registration they follow. The master's orders are carried out by {@link MasterOrders}.
 */
public final class MasterLink implements MasterReports, AutoCloseable {
    static final long HEARTBEAT_MILLIS = 1000;
    static final int BATCH = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(MasterLink.class);

    /**
     * @param masters where the masters listen for chunkservers; with master HA, only the leader
     *                accepts the registration and the others are tried in turn
     * @param serverId this server's lasting id
     * @param announcedHost the data address's host, or null to announce the local address of the link
     * @param reconnectDelayMillis pause between attempts while the master is gone
     * @param timeoutMillis connect and registration timeout
     */
    public record Settings(List<ServerAddress> masters, long serverId, String announcedHost,
                           long reconnectDelayMillis, int timeoutMillis) {
        public Settings {
            masters = List.copyOf(masters);
        }

        public Settings(ServerAddress master, long serverId, String announcedHost, long reconnectDelayMillis,
                        int timeoutMillis) {
            this(List.of(master), serverId, announcedHost, reconnectDelayMillis, timeoutMillis);
        }
    }

    /** Pause before trying the next master of the list; the full delay comes after a whole round. */
    private static final long NEXT_MASTER_MILLIS = 100;
    /**
     * Pause after a round in which a master answered that it does not lead (master HA): the masters
     * are up and elect a leader within seconds, and until this server registers with it the new
     * leader knows none of its copies (readers wait), so the next round comes sooner than the full delay.
     */
    static final long FOLLOWERS_ROUND_MILLIS = 500;

    private final Settings settings;
    private final TermFence fence;
    private final ChunkStore store;
    private final Executor workers;
    private final Replicator replicator;
    private final EventLoopGroup group;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Threads.named("cs-master-link"));
    // confined to the timer thread
    private Peer registered;
    private int dataPort;
    private boolean outage;
    private int attempt;
    /** Whether a master of this round of the list answered NOT_LEADER. */
    private boolean followerAnswered;
    private volatile boolean closed;

    public MasterLink(Settings settings, ChunkStore store, Executor workers, Replicator replicator,
                      EventLoopGroup group) {
        this(settings, store, workers, replicator, group, TermFence.inMemory());
    }

    /** {@code fence}: the newest master term seen, below which no master is obeyed. */
    public MasterLink(Settings settings, ChunkStore store, Executor workers, Replicator replicator,
                      EventLoopGroup group, TermFence fence) {
        this.fence = fence;
        this.settings = settings;
        this.store = store;
        this.workers = workers;
        this.replicator = replicator;
        this.group = group;
    }

    /** Starts connecting; {@code dataPort} is the bound port announced to the master. */
    public void start(int port) {
        onTimer(() -> {
            dataPort = port;
            connect();
        });
        timer.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void connect() {
        if (closed) {
            return;
        }
        MasterOrders orders = new MasterOrders(store, workers, replicator, this, p -> onTimer(() -> closed(p)),
                fence);
        WireClient.connect(group, master(), ChunkMasterProtocol.FAMILY, ChunkMasterProtocol.FAMILY, orders,
                settings.timeoutMillis()).whenComplete((p, e) -> onTimer(() -> {
                    if (e != null) {
                        unreachable(Statuses.reason(e));
                    } else {
                        register(p, orders);
                    }
                }));
    }

    private void register(Peer p, MasterOrders orders) {
        if (closed) {
            p.close();
            return;
        }
        ServerAddress data = new ServerAddress(announcedHost(p), dataPort);
        List<DiskReport> disks = DiskReports.of(store.disks());
        p.call(id -> new CsRegister(id, settings.serverId(), data, disks), CsRegisterReply.class,
                        settings.timeoutMillis())
                .whenComplete((r, e) -> {
                    if (r != null && r.status().isOk()) {
                        // on the event loop, before the first order read after the reply
                        orders.bind(r.term());
                    }
                    onTimer(() -> registered(p, r, e, data));
                });
    }

    private void registered(Peer p, CsRegisterReply r, Throwable e, ServerAddress data) {
        Status s = e != null ? Statuses.of(e) : r.status();
        followerAnswered |= s == Status.NOT_LEADER;
        if (!s.isOk()) {
            LOG.warn("master {} did not register us (server {}, data on {}): {}", master(),
                    ChunkIds.hex(settings.serverId()), data, s);
            p.close(); // its close brings the next attempt
            return;
        }
        if (!admitted(r.term())) {
            p.close();
            return;
        }
        reportAll(p, data);
    }

    /** Whether a master of {@code term} may be obeyed: not when a newer term registered us already. */
    private boolean admitted(long term) {
        try {
            if (fence.admit(term)) {
                return true;
            }
            LOG.warn("master {} leads term {}, but this chunkserver registered under term {} already: a deposed"
                    + " master; trying the next (a new file system? then delete {} in DATA_PATH)", master(), term,
                    fence.highest(), TermFence.FILE_NAME);
        } catch (java.io.UncheckedIOException ex) {
            LOG.error("master {}: {}; not registering until it can be kept", master(), ex.getMessage());
        }
        return false;
    }

    /** Sends every chunk we hold, then marks the registration complete; the link is in use from then on. */
    private void reportAll(Peer p, ServerAddress data) {
        if (!p.isActive()) {
            return;
        }
        List<ChunkInfo> chunks = store.chunks();
        for (int from = 0; from < chunks.size(); from += BATCH) {
            List<ChunkCopy> batch = chunks.subList(from, Math.min(chunks.size(), from + BATCH)).stream()
                    .map(c -> new ChunkCopy(c.id(), c.version()))
                    .toList();
            p.sendLater(new CsChunksAdded(0, batch));
            p.flush();
        }
        p.send(new CsRegistrationDone(0));
        registered = p;
        outage = false;
        LOG.info("registered with master {} as server {}: data on {}, {} chunks on {} disks", master(),
                ChunkIds.hex(settings.serverId()), data, chunks.size(), store.disks().size());
    }

    private String announcedHost(Peer p) {
        if (settings.announcedHost() != null) {
            return settings.announcedHost();
        }
        // listening everywhere: the address that reaches the master is the one others can reach us on
        return ((InetSocketAddress) p.channel().localAddress()).getAddress().getHostAddress();
    }

    private void unreachable(String reason) {
        if (!outage) {
            LOG.warn("master {} unreachable: {}; retrying every {} ms", master(), reason,
                    settings.reconnectDelayMillis());
            outage = true;
        }
        retryLater();
    }

    private void closed(Peer p) {
        if (registered == p) {
            registered = null;
            outage = true;
            if (!closed) {
                LOG.warn("lost master {}; reconnecting every {} ms", master(), settings.reconnectDelayMillis());
            }
        }
        retryLater();
    }

    /** The master this attempt goes to. */
    private ServerAddress master() {
        return settings.masters().get(attempt % settings.masters().size());
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        attempt = (attempt + 1) % settings.masters().size();
        long delay = attempt != 0 ? NEXT_MASTER_MILLIS
                : roundPause(settings.reconnectDelayMillis(), followerAnswered);
        if (attempt == 0) {
            followerAnswered = false;
        }
        try {
            timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** The pause after a whole round of the list: shorter when a leader is being elected. */
    static long roundPause(long reconnectDelayMillis, boolean followerAnswered) {
        return followerAnswered ? Math.min(reconnectDelayMillis, FOLLOWERS_ROUND_MILLIS) : reconnectDelayMillis;
    }

    private void heartbeat() {
        Peer p = registered;
        if (p != null && p.isActive()) {
            p.send(new CsHeartbeat(0, DiskReports.of(store.disks())));
        }
    }

    @Override
    public void chunkAdded(long chunkId, int version) {
        sendIfRegistered(new CsChunksAdded(0, List.of(new ChunkCopy(chunkId, version))));
    }

    @Override
    public void chunkDamaged(long chunkId, int version) {
        sendIfRegistered(new CsChunkDamaged(0, chunkId, version));
    }

    @Override
    public void chunksLost(List<Long> chunkIds) {
        for (int from = 0; from < chunkIds.size(); from += BATCH) {
            sendIfRegistered(new CsChunksLost(0, List.copyOf(chunkIds.subList(from,
                    Math.min(chunkIds.size(), from + BATCH)))));
        }
    }

    /** Without a registered master the report is dropped: the next registration tells the whole truth. */
    private void sendIfRegistered(Message m) {
        onTimer(() -> {
            Peer p = registered;
            if (p != null) {
                p.send(m);
            } else {
                LOG.debug("no master registered; not sent: {}", m);
            }
        });
    }

    private void onTimer(Runnable task) {
        try {
            timer.execute(task);
        } catch (RejectedExecutionException e) {
            // closing: nothing more goes to the master
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Peer p = registered;
        if (p != null) {
            p.close();
        }
    }
}
