package org.mfsj.master;

import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.WireServer;
import org.mfsj.common.wire.chunk2master.ChunkMasterProtocol;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running master: the two listeners (chunkservers, clients), the master thread and its
 * periodic jobs. Only start and stop live here; behaviour is in the parts {@link MasterWiring}
 * puts together.
 */
public final class MasterServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MasterServer.class);
    /** How often idle client sessions are looked for, at most: often enough for a short sustain time. */
    private static final Duration SESSION_SWEEP = Duration.ofMinutes(1);
    private static final int IO_THREADS = 4;

    private final MasterThread master;
    private final EventLoopGroup group;
    private final WireServer chunkservers;
    private final WireServer clients;

    private MasterServer(MasterThread master, EventLoopGroup group, WireServer chunkservers, WireServer clients) {
        this.master = master;
        this.group = group;
        this.chunkservers = chunkservers;
        this.clients = clients;
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

    /** Binds both ports (0 = any free one) and starts serving; returns once listening. */
    public static MasterServer start(MasterConfig cfg, Clock clock) throws InterruptedException {
        MasterThread master = new MasterThread("mfsmaster");
        EventLoopGroup group = Transport.newGroup(IO_THREADS);
        WireServer cs = null;
        try {
            MasterWiring w = MasterWiring.build(cfg, clock, master);
            cs = WireServer.bind(group, cfg.chunkserverHost(), cfg.chunkserverPort(), ChunkMasterProtocol.FAMILY,
                    ChunkMasterProtocol.FAMILY, w::chunkservers);
            WireServer cl = WireServer.bind(group, cfg.clientHost(), cfg.clientPort(), ClientMasterProtocol.FAMILY,
                    ClientMasterProtocol.FAMILY, w::clients);
            master.every(cfg.chunksLoopTime(), w.chunkLoop());
            master.every(sessionSweep(min(cfg.sessionSustainTime(), cfg.sessionLocksTimeout())), w.sessionSweep());
            LOG.info("master ready: clients on {}:{}, chunkservers on {}:{}", cfg.clientHost(), cl.port(),
                    cfg.chunkserverHost(), cs.port());
            return new MasterServer(master, group, cs, cl);
        } catch (InterruptedException | RuntimeException e) {
            if (cs != null) {
                cs.close();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            master.close();
            throw e;
        }
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
        master.close();
        LOG.info("master stopped");
    }
}
