package org.mfsj.client.master;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
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
 * A batch the connection lost is queued again for the next connection with its request id, so
 * that the master, which may have done it already, ends those opens once.
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
    private final LongSupplier requestIds;
    private List<Long> queued = new ArrayList<>();
    /** Batches sent whose answer was lost, each to go again as it was. */
    private List<ReleaseMany> unanswered = new ArrayList<>();
    private boolean timerSet;
    private volatile boolean closed;

    /** {@code live} gives the connection in use, or null while there is none. */
    PendingReleases(ScheduledExecutorService timer, Supplier<Peer> live, ClientMetrics metrics, long callTimeoutMs,
                    LongSupplier requestIds) {
        this.timer = timer;
        this.live = live;
        this.metrics = metrics;
        this.callTimeoutMs = callTimeoutMs;
        this.requestIds = requestIds;
    }

    /** One handle on {@code inode} closed. */
    void add(long inode) {
        synchronized (this) {
            queued.add(inode);
        }
        scheduleOnce(DELAY_MS);
    }

    /**
     * What is queued goes ahead of the request about to be written on {@code p}, unflushed. Taking
     * and writing hold the lock, so a request another thread writes after this returns follows it.
     */
    synchronized void sendAhead(Peer p) {
        send(p, takeLocked(), false);
    }

    /** Nothing is queued or sent any more; what is queued goes on {@code p} if it is not null. */
    synchronized void close(Peer p) {
        List<ReleaseMany> batches = takeLocked();
        if (p != null) {
            send(p, batches, true);
        }
        closed = true;
    }

    private void scheduleOnce(long delayMs) {
        boolean schedule;
        synchronized (this) {
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
            send(p, takeLocked(), true);
        }
    }

    /** The batches to send: those whose answer was lost first, as they were, then the new releases. */
    private List<ReleaseMany> takeLocked() {
        List<ReleaseMany> batches = unanswered;
        unanswered = new ArrayList<>();
        for (int from = 0; from < queued.size(); from += ReleaseMany.MAX_INODES) {
            List<Long> part = queued.subList(from, Math.min(queued.size(), from + ReleaseMany.MAX_INODES));
            batches.add(new ReleaseMany(0, part, requestIds.getAsLong()));
        }
        queued = new ArrayList<>();
        return batches;
    }

    private void send(Peer p, List<ReleaseMany> batches, boolean flush) {
        for (ReleaseMany batch : batches) {
            metrics.masterCall();
            metrics.masterCall(ReleaseMany.class.getSimpleName());
            (flush ? p.call(id -> new ReleaseMany(id, batch.inodes(), batch.reqId()), Reply.class, callTimeoutMs)
                    : p.callWithNext(id -> new ReleaseMany(id, batch.inodes(), batch.reqId()), Reply.class,
                            callTimeoutMs))
                    .whenComplete((r, e) -> answered(p, batch, r, e));
        }
    }

    private void answered(Peer p, ReleaseMany batch, Reply r, Throwable e) {
        if (e == null) {
            if (r instanceof StatusReply s && !s.status().isOk()) {
                LOG.debug("master {} refused release batch {} of {} handle(s): {}", p.remote(), batch.reqId(),
                        batch.inodes().size(), s.status());
            }
            return;
        }
        if (closed) {
            return;
        }
        LOG.debug("release batch {} of {} handle(s) not answered by master {} ({}); sent again on the next"
                + " connection", batch.reqId(), batch.inodes().size(), p.remote(), e.toString());
        synchronized (this) {
            unanswered.add(batch);
        }
        scheduleOnce(NO_LINK_RETRY_MS);
    }
}
