package org.mfsj.master;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns all master state (namespace, chunks, servers, sessions), as in
 * MooseFS: network threads only decode and hand work here, so no state needs a lock. A task that
 * throws is logged and the thread goes on; a bare scheduled executor would swallow the error or
 * silently cancel a periodic task.
 */
public final class MasterThread implements Executor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MasterThread.class);

    private final ScheduledExecutorService exec;

    public MasterThread(String name) {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        this.exec = e;
    }

    @Override
    public void execute(Runnable task) {
        exec.execute(() -> runLogged(task));
    }

    /** Runs {@code task} every {@code period}; one failed run does not stop the next. */
    public void every(Duration period, Runnable task) {
        long ms = Math.max(1, period.toMillis());
        exec.scheduleWithFixedDelay(() -> runLogged(task), ms, ms, TimeUnit.MILLISECONDS);
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("master task failed", e);
        }
    }

    @Override
    public void close() {
        exec.shutdownNow();
        try {
            if (!exec.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("master thread did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
