package org.mfsj.client.master;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.mfsj.client.ClientMetrics;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Reply;
import org.mfsj.common.wire.client2master.ReleaseMany;
import org.mfsj.common.wire.client2master.StatusReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The releases of closed handles, queued and sent to the master as one {@link ReleaseMany}: ahead
 * of the next request, in the same write (a close followed by more work costs no round trip, no
 * thread and no wake-up of its own), or by the timer {@link #DELAY_MS} after the first close when
 * no request came. Ahead of a request keeps them in order with it: an unlink that follows a close
 * reaches the master after the release, so the master need not keep the file for this session.
 * A batch the connection lost is queued again for the next connection, as a lone release was
 * retried.
 */
final class PendingReleases {
    private static final Logger LOG = LoggerFactory.getLogger(PendingReleases.class);
    /** How long a release waits for a request to ride with before it goes alone. */
    static final long DELAY_MS = 20;
    /** While no connection is up, how often the timer looks again. */
    private static final long NO_LINK_RETRY_MS = 100;

    private final ScheduledExecutorService timer;
    private final Supplier<Peer> live;
    private final ClientMetrics metrics;
    private final long callTimeoutMs;
    private List<Long> queued = new ArrayList<>();
    private boolean timerSet;
    private volatile boolean closed;

    /** {@code live} gives the connection in use, or null while there is none. */
    PendingReleases(ScheduledExecutorService timer, Supplier<Peer> live, ClientMetrics metrics, long callTimeoutMs) {
        this.timer = timer;
        this.live = live;
        this.metrics = metrics;
        this.callTimeoutMs = callTimeoutMs;
    }

    /** One handle on {@code inode} closed. */
    void add(long inode) {
        addAll(List.of(inode), DELAY_MS);
    }

    /**
     * What is queued goes ahead of the request about to be written on {@code p}, unflushed. Taking
     * and writing hold the lock, so a request another thread writes after this returns follows it.
     */
    synchronized void sendAhead(Peer p) {
        List<Long> batch = takeLocked();
        if (batch != null) {
            send(p, batch, false);
        }
    }

    /** Nothing is queued or sent any more; what is queued goes on {@code p} if it is not null. */
    synchronized void close(Peer p) {
        List<Long> batch = takeLocked();
        if (p != null && batch != null) {
            send(p, batch, true);
        }
        closed = true;
    }

    private void addAll(List<Long> inodes, long delayMs) {
        boolean schedule;
        synchronized (this) {
            queued.addAll(inodes);
            schedule = !timerSet;
            timerSet = true;
        }
        if (schedule) {
            schedule(delayMs);
        }
    }

    private void schedule(long delayMs) {
        if (closed) {
            return;
        }
        try {
            timer.schedule(this::sendLone, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the client is closing: its session ends, and with it every open the master counted
            LOG.debug("releases not sent: the client is closing");
        }
    }

    private void sendLone() {
        Peer p = live.get();
        if (p == null) {
            schedule(NO_LINK_RETRY_MS);
            return;
        }
        synchronized (this) {
            timerSet = false;
            List<Long> batch = takeLocked();
            if (batch != null) {
                send(p, batch, true);
            }
        }
    }

    private List<Long> takeLocked() {
        if (queued.isEmpty()) {
            return null;
        }
        List<Long> batch = queued;
        queued = new ArrayList<>();
        return batch;
    }

    private void send(Peer p, List<Long> batch, boolean flush) {
        for (int from = 0; from < batch.size(); from += ReleaseMany.MAX_INODES) {
            List<Long> part = batch.subList(from, Math.min(batch.size(), from + ReleaseMany.MAX_INODES));
            metrics.masterCall();
            metrics.masterCall(ReleaseMany.class.getSimpleName());
            (flush ? p.call(id -> new ReleaseMany(id, part), Reply.class, callTimeoutMs)
                    : p.callWithNext(id -> new ReleaseMany(id, part), Reply.class, callTimeoutMs))
                    .whenComplete((r, e) -> answered(p, part, r, e));
        }
    }

    private void answered(Peer p, List<Long> part, Reply r, Throwable e) {
        if (e == null) {
            if (r instanceof StatusReply s && !s.status().isOk()) {
                LOG.debug("master {} refused the release of {} handle(s): {}", p.remote(), part.size(), s.status());
            }
            return;
        }
        if (closed) {
            return;
        }
        LOG.debug("release of {} handle(s) not answered by master {} ({}); queued for the next connection",
                part.size(), p.remote(), e.toString());
        addAll(part, NO_LINK_RETRY_MS);
    }
}
