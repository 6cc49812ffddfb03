package org.mfsj.client;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mfsj.common.NamedThreads;
import org.mfsj.common.wire.Transport;

/**
 * The threads of one client: network event loops, one timer (pings, retry pauses), and a pool for
 * work that may block (file writers, master lookups for reads, reconnecting). Timer and workers
 * are daemon threads named after the client; the event loops are core-common's
 * {@link Transport#newGroup} (non-daemon), so a door must close its client to let the JVM exit.
 */
final class ClientThreads implements AutoCloseable {
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    final EventLoopGroup network;
    final ScheduledExecutorService timer;
    final ExecutorService workers;

    ClientThreads(int ioThreads) {
        String prefix = "mfs-client-" + CLIENTS.incrementAndGet();
        this.network = Transport.newGroup(ioThreads);
        this.timer = Executors.newSingleThreadScheduledExecutor(named(prefix + "-timer"));
        this.workers = Executors.newCachedThreadPool(named(prefix + "-worker"));
    }

    private static ThreadFactory named(String prefix) {
        return NamedThreads.daemons(prefix);
    }

    /** Stops everything at once: by now the client has flushed, so workers are at most idling. */
    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
        network.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
