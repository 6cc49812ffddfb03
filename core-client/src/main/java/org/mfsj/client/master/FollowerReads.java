package org.mfsj.client.master;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.mfsj.client.ClientConfig;
import org.mfsj.client.ClientMetrics;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.client2master.ReadFence;
import org.mfsj.common.wire.client2master.StatusReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-only metadata calls sent to a follower master (master HA, {@link ClientConfig#readFromFollowers()}).
 * Before a read, the follower is told the newest version the leader reported behind this client's
 * replies (a {@link ReadFence}), so it answers only once it shows the client's own changes. Whenever
 * no follower can answer (none found yet, it went away, it lags), {@link #call} returns null and the
 * caller asks the leader: a follower never makes a read fail. A lost follower is looked for again in
 * the background, at most once per {@link #RETRY_MILLIS}.
 */
public final class FollowerReads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FollowerReads.class);
    static final long RETRY_MILLIS = 1000;
    /** After a follower lagged: how long reads stay with the leader before another is looked for. */
    static final long LAG_PAUSE_MILLIS = 10_000;
    /** A follower answers within its own wait (2 s) or says it cannot; longer means it is stuck. */
    private static final long MAX_FOLLOWER_CALL_MILLIS = 5_000;

    private final ClientConfig cfg;
    private final SessionOpener opener;
    private final Executor background;
    private final ClientMetrics metrics;
    private final long timeoutMs;
    private final AtomicLong needed = new AtomicLong();
    private final AtomicBoolean looking = new AtomicBoolean();
    private final Object fenceLock = new Object();
    private volatile Peer follower;
    private volatile long lastLookNanos;
    private volatile boolean closed;
    /** Whether the last search found none, so a search that fails again is not logged again. */
    private boolean foundNone;
    private Peer fencedOn;
    private long fenced;

    FollowerReads(ClientConfig cfg, EventLoopGroup group, Executor background, ClientMetrics metrics) {
        this.cfg = cfg;
        this.opener = new SessionOpener(group, cfg, (from, m) -> { });
        this.background = background;
        this.metrics = metrics;
        this.timeoutMs = Math.min(cfg.callTimeout().toMillis(), MAX_FOLLOWER_CALL_MILLIS);
        this.lastLookNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS);
    }

    /** The leader answered at {@code version}: reads from now on must show at least that. */
    void noticed(long version) {
        needed.accumulateAndGet(version, Math::max);
    }

    /** The follower's answer, or null: then ask the leader. */
    Reply call(IntFunction<? extends Message> request, String what) {
        Peer p = follower;
        if (p == null || !p.isActive()) {
            lookSoon();
            metrics.followerFallback();
            return null;
        }
        fence(p);
        try {
            Reply r = Futures.await(p.call(request, Reply.class, timeoutMs), what + " at follower " + p.remote());
            if (r instanceof StatusReply s && s.status() == Status.NOT_LEADER) {
                LOG.info("follower {} could not answer {} in time (it lags, or leads no more); reads go to the"
                        + " leader for {} ms", p.remote(), what, LAG_PAUSE_MILLIS);
                drop(p);
                lastLookNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LAG_PAUSE_MILLIS - RETRY_MILLIS);
                metrics.followerFallback();
                return null;
            }
            metrics.followerRead();
            return r;
        } catch (MfsException e) {
            LOG.warn("follower {} failed {} ({}); asking the leader and looking for another follower", p.remote(),
                    what, e.getMessage());
            drop(p);
            metrics.followerFallback();
            return null;
        }
    }

    private void fence(Peer p) {
        long need = needed.get();
        // under the lock: a read sent after another thread's fence leaves after that fence on the wire
        synchronized (fenceLock) {
            if (p != fencedOn || need > fenced) {
                p.send(new ReadFence(0, need));
                fencedOn = p;
                fenced = need;
            }
        }
    }

    private void drop(Peer p) {
        if (follower == p) {
            follower = null;
        }
        p.close();
    }

    private void lookSoon() {
        if (closed || System.nanoTime() - lastLookNanos < TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS)
                || !looking.compareAndSet(false, true)) {
            return;
        }
        lastLookNanos = System.nanoTime();
        background.execute(() -> {
            try {
                look();
            } finally {
                looking.set(false);
            }
        });
    }

    /** Tries the masters in random order; the leader refuses, a follower accepts. */
    private void look() {
        List<ServerAddress> order = new ArrayList<>(cfg.masters());
        Collections.shuffle(order);
        for (ServerAddress a : order) {
            if (closed) {
                return;
            }
            try {
                Peer p = opener.openRead(a, (from, m) -> { }).peer();
                follower = p;
                foundNone = false;
                LOG.info("read session open at follower {}", a);
                if (closed) {
                    p.close();
                }
                return;
            } catch (MfsException e) {
                LOG.debug("master {} gives no read session: {}", a, e.getMessage());
            }
        }
        if (!foundNone) {
            LOG.info("no master of {} gives a read session; reads go to the leader, looking again every {} ms",
                    cfg.masters(), RETRY_MILLIS);
        }
        foundNone = true;
    }

    /** Looks for a follower now (the first reads then need not go to the leader). */
    void start() {
        lookSoon();
    }

    @Override
    public void close() {
        closed = true;
        Peer p = follower;
        if (p != null) {
            p.close();
        }
    }
}
