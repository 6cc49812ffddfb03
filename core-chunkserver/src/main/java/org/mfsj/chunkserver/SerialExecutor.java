package org.mfsj.chunkserver;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: one write session's disk work
 * keeps its order without owning a thread. Each task is handed to the pool separately, so a long
 * queue does not keep a pool thread from other sessions.
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean scheduled;

    public SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            queue.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            pool.execute(this::runOne);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                queue.clear();
                scheduled = false;
            }
            throw e;
        }
    }

    private void runOne() {
        Runnable task;
        synchronized (this) {
            task = queue.poll();
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("task failed: {}", e.toString(), e);
        }
        synchronized (this) {
            if (queue.isEmpty()) {
                scheduled = false;
                return;
            }
        }
        try {
            schedule();
        } catch (RejectedExecutionException e) {
            LOG.debug("pool shut down; dropped queued tasks");
        }
    }
}
