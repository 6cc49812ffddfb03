package org.mfsj.master.meta;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.master.changelog.MetaLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back what must not happen before a change is durable (a reply to a client, an order to a
 * chunkserver) and releases it, on the master thread, when the log reports the version durable.
 * The log's thread only posts the news; every waiter lives on the master thread, so it needs no
 * lock, and the master thread never waits for a disk. Replies to clients are the exception: they
 * need no master state once built, so the thread that learns a version durable sends them itself
 * ({@link #send}), a thread hand-off fewer per change.
 */
public final class Durability implements MetaLog.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Durability.class);
    private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

    private record Waiter(long version, CompletableFuture<Void> done) {
    }

    private final Executor master;
    private final Runnable onFailure;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private final HeldSends sends;
    private long durable;
    private MfsException failure;
    /**
     * The log's news and the waiters' needs, so the log's thread wakes the master thread only when a
     * waiter may be left to release (most batches hold replies only): each side writes its own
     * first, then reads the other's, so at least one of them sees that a release is due.
     */
    private volatile long reported;
    private volatile long awaited;
    /** Up to where the log's thread has posted a release (its thread only). */
    private long posted;

    /** {@code durable}: the version already durable at start; {@code onFailure} runs once, on the master thread. */
    public Durability(Executor master, long durable, Runnable onFailure) {
        this.master = master;
        this.durable = durable;
        this.onFailure = onFailure;
        this.sends = new HeldSends(durable);
    }

    /**
     * Runs {@code send} once {@code version} is durable, on whichever thread learns it first (the
     * changelog's, or the master thread); never if the log fails. {@code send} may not touch master
     * state. Master thread only.
     */
    public void send(long version, Runnable send) {
        if (failure == null) {
            sends.when(version, send);
        }
    }

    /** Completes (on the master thread) once {@code version} is durable. Master thread only. */
    public CompletableFuture<Void> when(long version) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        if (version <= durable) {
            return NOW;
        }
        if (waiting.isEmpty() && reported >= version) {
            // the log's news, which it did not post here as no one waited
            durable = reported;
            return NOW;
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiting.add(new Waiter(version, f));
        awaited = Math.max(awaited, version);
        long news = reported;
        if (news >= version) {
            // the log reported it before it saw this waiter: release after the task at hand, as the log would
            master.execute(() -> release(news));
        }
        return f;
    }

    @Override
    public void durable(long version) {
        sends.release(version);
        reported = version;
        if (awaited <= posted) {
            return;
        }
        posted = version;
        try {
            master.execute(() -> release(version));
        } catch (RejectedExecutionException stopped) {
            // the master thread stopped first (a shutdown flushing what was still pending): no one
            // is left to answer, and the log's own thread must live on to finish the flush
            LOG.debug("version {} durable after the master thread stopped", version);
        }
    }

    /** Releases the waiters at once: a reply held for a commit leaves without another turn of the queue. */
    @Override
    public void durableOnMaster(long version) {
        sends.release(version);
        release(version);
    }

    @Override
    public void failed(IOException error) {
        sends.fail();
        master.execute(() -> {
            failure = new MfsException(Status.EIO, "metadata could not be made durable: " + error.getMessage());
            while (!waiting.isEmpty()) {
                waiting.poll().done().completeExceptionally(failure);
            }
            LOG.error("changelog failed; the master stops serving changes");
            onFailure.run();
        });
    }

    private void release(long version) {
        durable = Math.max(durable, version);
        // versions are appended in order, so waiters are queued in version order
        while (!waiting.isEmpty() && waiting.peek().version() <= durable) {
            waiting.poll().done().complete(null);
        }
    }
}
