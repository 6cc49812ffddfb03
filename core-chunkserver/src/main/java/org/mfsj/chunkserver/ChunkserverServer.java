package org.mfsj.chunkserver;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mfsj.chunkserver.force.ChunkForcer;
import org.mfsj.chunkserver.master.MasterLink;
import org.mfsj.chunkserver.master.TermFence;
import org.mfsj.chunkserver.net.DataServer;
import org.mfsj.chunkserver.net.DataServices;
import org.mfsj.chunkserver.replication.ReplicationLeftovers;
import org.mfsj.chunkserver.replication.Replicator;
import org.mfsj.chunkserver.scrub.Scrubber;
import org.mfsj.chunkserver.store.ChunkStore;
import org.mfsj.chunkserver.store.DiskFailureListener;
import org.mfsj.chunkserver.store.DiskSpec;
import org.mfsj.chunkserver.store.StoreOptions;
import org.mfsj.common.config.ConfigException;
import org.mfsj.common.wire.LeasedPeers;
import org.mfsj.common.wire.client2chunk.ClientChunkProtocol;
import org.mfsj.common.wire.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running chunkserver: its store, data port, master link and scrubber, wired together. Builds,
 * starts and stops; the behaviour lives in the parts.
 */
public final class ChunkserverServer implements AutoCloseable {
    /**
     * How long a server of a write chain may take to answer the one before it: below the client
     * library's 10 s call timeout, so the head of a chain answers with the error itself.
     */
    static final int CHAIN_TIMEOUT_MILLIS = 8_000;
    /** Idle connections kept to each next server of write chains: about as many as sessions run at once. */
    private static final int IDLE_DOWNSTREAMS = 8;
    /** How long one piece of a replication may take (the master allows minutes for the whole chunk). */
    static final int REPLICATION_TIMEOUT_MILLIS = 30_000;
    /** Connecting to and registering with the master. */
    static final int MASTER_TIMEOUT_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(ChunkserverServer.class);

    private final long serverId;
    private final ChunkStore store;
    private final ExecutorService workers;
    private final EventLoopGroup group;
    private final DataServer data;
    private final MasterLink link;
    private final Scrubber scrubber;
    private final ChunkForcer forcer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ChunkserverServer(long serverId, ChunkStore store, ExecutorService workers, EventLoopGroup group,
                              DataServer data, MasterLink link, Scrubber scrubber, ChunkForcer forcer) {
        this.serverId = serverId;
        this.store = store;
        this.workers = workers;
        this.group = group;
        this.data = data;
        this.link = link;
        this.scrubber = scrubber;
        this.forcer = forcer;
    }

    /**
     * Opens the disks, binds the data port and starts talking to the master (in the background:
     * a master that is not there yet is retried forever).
     *
     * @throws ConfigException if no disks are configured or the disk list is wrong
     * @throws IOException if the server id cannot be read or kept, or the data port cannot be bound
     */
    public static ChunkserverServer start(ChunkserverConfig cfg) throws ConfigException, IOException,
            InterruptedException {
        return start(cfg, StoreOptions.defaults());
    }

    /** As {@link #start(ChunkserverConfig)}, with the store's seams (tests inject failing disks). */
    public static ChunkserverServer start(ChunkserverConfig cfg, StoreOptions storeOptions) throws ConfigException,
            IOException, InterruptedException {
        List<DiskSpec> disks = HddDisks.load(cfg.hddConfFile());
        long serverId = ServerId.loadOrCreate(cfg.dataPath());
        ChunkStore store = ChunkStore.open(disks, storeOptions);
        ReplicationLeftovers.sweep(store);
        ExecutorService workers = Executors.newFixedThreadPool(cfg.workers(), Threads.named("cs-io"));
        EventLoopGroup group = Transport.newGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
        MasterLink link = null;
        ChunkForcer forcer = null;
        try {
            Replicator replicator = new Replicator(store, workers, group, REPLICATION_TIMEOUT_MILLIS);
            link = new MasterLink(new MasterLink.Settings(cfg.masterAddresses(), serverId,
                    cfg.listensEverywhere() ? null : cfg.listenHost(), cfg.masterReconnectionDelaySeconds() * 1000L,
                    MASTER_TIMEOUT_MILLIS), store, workers, replicator, group, TermFence.open(cfg.dataPath()));
            store.setDiskFailureListener(lostOn(link));
            ChunkReader reader = new ChunkReader(store, link);
            forcer = ChunkForcer.start(store, workers, cfg.chunkFsyncDelayMillis());
            DataServer data = DataServer.bind(group, cfg.listenHost(), cfg.listenPort(),
                    new DataServices(store, reader, forcer, workers, group, CHAIN_TIMEOUT_MILLIS,
                            new LeasedPeers(group, ClientChunkProtocol.FAMILY, CHAIN_TIMEOUT_MILLIS,
                                    IDLE_DOWNSTREAMS), link));
            link.start(data.port());
            Scrubber scrubber = Scrubber.start(reader, cfg.hddTestFreqSeconds());
            LOG.info("chunkserver ready: data on {}:{}, {} chunks on {} disks, master {}", cfg.listenHost(),
                    data.port(), store.chunks().size(), disks.size(), cfg.masterAddresses());
            return new ChunkserverServer(serverId, store, workers, group, data, link, scrubber, forcer);
        } catch (Exception e) {
            if (link != null) {
                link.close();
            }
            if (forcer != null) {
                forcer.close();
            }
            stop(group, workers, store);
            if (e instanceof InterruptedException || e instanceof RuntimeException) {
                throw e;
            }
            // Netty's bind rethrows the socket's checked exception undeclared
            throw new IOException("cannot listen on " + cfg.listenHost() + ":" + cfg.listenPort() + ": "
                    + e.getMessage(), e);
        }
    }

    private static DiskFailureListener lostOn(MasterReports reports) {
        return (disk, lost) -> {
            LOG.error("disk {} failed: {} chunks lost, telling the master; serving on from the other disks", disk,
                    lost.size());
            reports.chunksLost(lost);
        };
    }

    /** The bound data port. */
    /** Connections this server opened to next servers of write chains (kept between sessions). */
    public long chainConnectionsOpened() {
        return data.chainConnectionsOpened();
    }

    public int dataPort() {
        return data.port();
    }

    /** The lasting id the master knows this server by. */
    public long serverId() {
        return serverId;
    }

    /** Stops everything: no more master traffic, connections closed, I/O finished, files closed. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        link.close();
        scrubber.close();
        data.close();
        // no session ends after the data port closed: what they left unforced goes to disk now
        forcer.close();
        stop(group, workers, store);
        LOG.info("chunkserver {} stopped", ServerId.format(serverId));
    }

    private static void stop(EventLoopGroup group, ExecutorService workers, ChunkStore store) {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("disk I/O still running after 10 s; closing the store under it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
