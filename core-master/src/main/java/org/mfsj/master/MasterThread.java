package org.mfsj.master;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.SingleThreadEventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mfsj.common.wire.Transport;
import org.mfsj.master.changelog.ForceSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns all master state (namespace, chunks, servers, sessions), as in
 * MooseFS: network threads only decode and hand work here, so no state needs a lock. A task that
 * throws is logged and the thread goes on; a bare scheduled executor would swallow the error or
 * silently cancel a periodic task.
 *
 * <p>{@link #servingConnections} makes the thread an event loop as well, as MooseFS's master is:
 * connections registered on {@link #connections()} are read, served and answered on it, with no
 * hand-off to another thread on the way in or out (two thread wake-ups less per request).
 */
public final class MasterThread implements Executor, ForceSite, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MasterThread.class);

    private final ScheduledExecutorService exec;
    /** The event loop the thread is, when it serves connections; null otherwise. */
    private final EventLoopGroup loop;
    /** Whether {@link #close} stops {@link #loop}; a borrowed loop outlives this master thread. */
    private final boolean ownsLoop;
    /** Closed: tasks still queued on a borrowed loop run as no-ops, as {@code shutdownNow} would drop them. */
    private volatile boolean closed;
    private final Set<ScheduledFuture<?>> periodic = ConcurrentHashMap.newKeySet();
    private volatile Thread thread;
    /** What runs at the end of the event loop's turn; its thread only. */
    private final List<Runnable> atTurnEnd = new ArrayList<>();
    private boolean turnEndQueued;

    public MasterThread(String name) {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        this.exec = e;
        this.loop = null;
        this.ownsLoop = true;
    }

    private MasterThread(EventLoopGroup loop, boolean ownsLoop) {
        this.loop = loop;
        this.exec = loop.next();
        this.ownsLoop = ownsLoop;
    }

    /** A master thread that is also the event loop of the connections registered on {@link #connections()}. */
    public static MasterThread servingConnections(String name) {
        return new MasterThread(newLoop(name), true);
    }

    /** A one-thread event loop to serve connections on, for {@link #on}. */
    public static EventLoopGroup newLoop(String name) {
        return Transport.newGroup(1, new DefaultThreadFactory(name, true));
    }

    /**
     * A master thread running on {@code loop} (one thread, see {@link #newLoop}), which outlives
     * it: a replicated master keeps its connections' loop from one life of its metadata to the
     * next. Closing it drops its tasks not yet run and its periodic ones; the loop goes on.
     */
    public static MasterThread on(EventLoopGroup loop) {
        return new MasterThread(loop, false);
    }

    /** Where connections served on this thread are registered; null unless {@link #servingConnections}. */
    public EventLoopGroup connections() {
        return loop;
    }

    /** Whether the caller runs on this thread (a request read here may be served at once). */
    @Override
    public boolean inThread() {
        return loop != null ? loop.next().inEventLoop() : Thread.currentThread() == thread;
    }

    @Override
    public void later(Runnable task) {
        execute(task);
    }

    /**
     * Nothing is queued on the thread but the end of its turn ({@link #afterTurn}); only known of an
     * event loop's (see {@link #servingConnections}).
     */
    @Override
    public boolean idle() {
        return exec instanceof SingleThreadEventExecutor e && e.pendingTasks() == (turnEndQueued ? 1 : 0);
    }

    /**
     * Runs {@code task} at the end of this event loop's turn, after the tasks queued in it (a force
     * made here among them); at once when called off the thread or when it is no event loop.
     */
    public void afterTurn(Runnable task) {
        if (!(exec instanceof SingleThreadEventLoop turns) || !turns.inEventLoop()) {
            task.run();
            return;
        }
        atTurnEnd.add(task);
        if (!turnEndQueued) {
            turnEndQueued = true;
            turns.executeAfterEventLoopIteration(this::endTurn);
        }
    }

    private void endTurn() {
        turnEndQueued = false;
        List<Runnable> due = List.copyOf(atTurnEnd);
        atTurnEnd.clear();
        for (Runnable task : due) {
            // even once closed: what ends a turn only finishes what the turn began (a flush)
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("master task at the end of a turn failed", e);
            }
        }
    }

    @Override
    public void execute(Runnable task) {
        exec.execute(() -> runLogged(task));
    }

    /** Runs {@code task} every {@code period}; one failed run does not stop the next. */
    public void every(Duration period, Runnable task) {
        long ms = Math.max(1, period.toMillis());
        periodic.add(exec.scheduleWithFixedDelay(() -> runLogged(task), ms, ms, TimeUnit.MILLISECONDS));
    }

    private void runLogged(Runnable task) {
        if (closed) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("master task failed", e);
        }
    }

    @Override
    public void close() {
        if (loop != null && !ownsLoop) {
            closed = true;
            periodic.forEach(f -> f.cancel(false));
            awaitRunning();
            return;
        }
        if (loop != null) {
            if (!loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS)) {
                LOG.warn("master thread did not stop within 10 s");
            }
            return;
        }
        exec.shutdownNow();
        try {
            if (!exec.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("master thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the task running on a borrowed loop, if any, to end (the tasks queued behind it do
     * nothing now), so that what this master thread owned may be closed next, as after a stop.
     */
    private void awaitRunning() {
        if (inThread()) {
            return;
        }
        try {
            exec.submit(() -> { }).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.warn("master thread did not finish its running task within 5 s: {}", e.toString());
        }
    }
}
