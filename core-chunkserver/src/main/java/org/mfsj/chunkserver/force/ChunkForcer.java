package org.mfsj.chunkserver.force;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.mfsj.chunkserver.ChunkIds;
import org.mfsj.chunkserver.Statuses;
import org.mfsj.chunkserver.StoreTasks;
import org.mfsj.chunkserver.Threads;
import org.mfsj.chunkserver.store.ChunkInfo;
import org.mfsj.chunkserver.store.ChunkStore;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.client2chunk.ForceStatsReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When written chunks reach the disk. A write session that ends leaves its chunk in the page
 * cache and <i>pending</i> here; the chunk is forced (data and header, {@link ChunkStore#flush})
 * when a client asks ({@link #sync}, what its fsync sends), or by the background pass once it has
 * been pending for the configured delay, whichever comes first. A delay of 0 forces at every
 * session end instead.
 *
 * <p>A force that fails for a reason that may pass leaves the chunk pending, so the next request
 * reports the failure rather than OK; a chunk that is gone (deleted, or its disk failed and the
 * master was told) is dropped, and a request for it is answered with that error.
 *
 * <p>Invariant: a request is answered OK only after a force that started after every session end
 * that preceded the request. Hence a request that finds a force running waits for it, and forces
 * again if the chunk became pending meanwhile. The maps are guarded by this object's monitor;
 * forces themselves run on the I/O pool outside it.
 */
public final class ChunkForcer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkForcer.class);
    private static final CompletableFuture<Status> OK_NOW = CompletableFuture.completedFuture(Status.OK);

    /** Why a chunk was forced, one counter each. */
    enum Cause { SESSION_END, BACKGROUND, REQUEST }

    private final ChunkStore store;
    private final Executor workers;
    private final long delayNanos;
    private final LongSupplier nanoClock;
    /** Chunk id to when it must be forced at the latest (nano clock). */
    private final Map<Long, Long> pending = new HashMap<>();
    private final Map<Long, CompletableFuture<Status>> running = new HashMap<>();
    private final LongAdder atSessionEnd = new LongAdder();
    private final LongAdder inBackground = new LongAdder();
    private final LongAdder onRequest = new LongAdder();
    private volatile ScheduledExecutorService timer;

    ChunkForcer(ChunkStore store, Executor workers, long delayMillis, LongSupplier nanoClock) {
        this.store = store;
        this.workers = workers;
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        this.nanoClock = nanoClock;
    }

    /** Forces pending chunks after {@code delayMillis} on a timer of its own; 0 = at session end. */
    public static ChunkForcer start(ChunkStore store, Executor workers, int delayMillis) {
        ChunkForcer f = new ChunkForcer(store, workers, delayMillis, System::nanoTime);
        if (delayMillis > 0) {
            // a quarter of the delay between passes keeps every chunk within 1.25 delays of its end
            long period = Math.max(20, delayMillis / 4);
            ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(Threads.named("cs-force"));
            t.scheduleWithFixedDelay(f::forceDue, period, period, TimeUnit.MILLISECONDS);
            f.timer = t;
        }
        return f;
    }

    /** A write session on {@code id} ended here with every byte written; runs on an I/O thread. */
    public void sessionEnded(long id) throws MfsException {
        if (delayNanos == 0) {
            store.flush(id);
            atSessionEnd.increment();
            return;
        }
        synchronized (this) {
            pending.putIfAbsent(id, nanoClock.getAsLong() + delayNanos);
        }
    }

    /**
     * Completes with OK once chunk {@code id} is on disk here as it was when this was called:
     * forced now if pending, after the force in progress if one is. The chunk must be stored at
     * {@code version} or a later one (a later session changes the version, not the data before it).
     */
    public CompletableFuture<Status> sync(long id, int version) {
        return StoreTasks.supply(workers, () -> store.info(id))
                .thenCompose(info -> checkVersion(info, version) ? forceIfPending(id, Cause.REQUEST)
                        : CompletableFuture.completedFuture(Status.WRONG_VERSION))
                .exceptionally(Statuses::of);
    }

    /**
     * As {@link #sync}, for a write session that just ended here ({@link #sessionEnded}): the
     * session checked the version, so the chunk is forced (or waited for) at once.
     */
    public CompletableFuture<Status> syncEnded(long id) {
        return forceIfPending(id, Cause.REQUEST);
    }

    private static boolean checkVersion(ChunkInfo info, int version) {
        return Integer.compareUnsigned(info.version(), version) >= 0;
    }

    /** The background pass: forces every chunk pending for the whole delay. */
    void forceDue() {
        List<Long> due = new ArrayList<>();
        long now = nanoClock.getAsLong();
        synchronized (this) {
            pending.forEach((id, deadline) -> {
                if (deadline - now <= 0 && !running.containsKey(id)) {
                    due.add(id);
                }
            });
        }
        for (long id : due) {
            forceIfPending(id, Cause.BACKGROUND);
        }
    }

    private CompletableFuture<Status> forceIfPending(long id, Cause cause) {
        CompletableFuture<Status> mine = new CompletableFuture<>();
        synchronized (this) {
            CompletableFuture<Status> inProgress = running.get(id);
            if (!pending.containsKey(id)) {
                return inProgress != null ? inProgress : OK_NOW;
            }
            if (inProgress != null) {
                // it may have started before the session end that made the chunk pending again
                return inProgress.thenCompose(s -> forceIfPending(id, cause));
            }
            pending.remove(id);
            running.put(id, mine);
        }
        StoreTasks.run(workers, () -> store.flush(id)).whenComplete((s, e) -> finished(id, cause, mine, s));
        return mine;
    }

    private void finished(long id, Cause cause, CompletableFuture<Status> force, Status s) {
        boolean retry = !s.isOk() && s != Status.NO_SUCH_CHUNK && s != Status.DISK_FAILED;
        synchronized (this) {
            running.remove(id, force);
            if (retry) {
                pending.putIfAbsent(id, nanoClock.getAsLong() + delayNanos);
            }
        }
        if (s.isOk()) {
            (cause == Cause.REQUEST ? onRequest : inBackground).increment();
        } else if (s == Status.NO_SUCH_CHUNK && cause == Cause.BACKGROUND) {
            // deleted before its delay ran out (temporary files): nothing to force, nothing wrong
            LOG.debug("chunk {}: deleted before its background force", ChunkIds.hex(id));
        } else {
            LOG.warn("chunk {}: force ({}) failed: {}; {}", ChunkIds.hex(id), cause.name().toLowerCase(), s,
                    retry ? "still pending, retried later" : "no longer here");
        }
        force.complete(s);
    }

    /** The counters, for {@link org.mfsj.common.wire.client2chunk.ForceStats}. */
    public ForceStatsReply stats(int msgId) {
        int waiting;
        synchronized (this) {
            waiting = pending.size();
        }
        return new ForceStatsReply(msgId, atSessionEnd.sum(), inBackground.sum(), onRequest.sum(), waiting);
    }

    /** Stops the timer and forces whatever is still pending, on the calling thread (shutdown). */
    @Override
    public void close() {
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
        }
        List<Long> left;
        synchronized (this) {
            left = new ArrayList<>(pending.keySet());
            pending.clear();
        }
        for (long id : left) {
            try {
                store.flush(id);
                inBackground.increment();
            } catch (MfsException e) {
                LOG.warn("chunk {}: force at shutdown failed: {}", ChunkIds.hex(id), e.getMessage());
            }
        }
        if (!left.isEmpty()) {
            LOG.info("forced {} pending chunks at shutdown", left.size());
        }
    }
}
