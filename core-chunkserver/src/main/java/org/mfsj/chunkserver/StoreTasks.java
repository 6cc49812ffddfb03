package org.mfsj.chunkserver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs chunk store calls off the event loop and turns their outcome into a status. */
public final class StoreTasks {
    private static final Logger LOG = LoggerFactory.getLogger(StoreTasks.class);

    /** A store call whose only result is success or an {@link MfsException}. */
    @FunctionalInterface
    public interface Action {
        void run() throws MfsException;
    }

    /** A store call with a result. */
    @FunctionalInterface
    public interface Query<T> {
        T get() throws MfsException;
    }

    private StoreTasks() {
    }

    /** Runs {@code action} on {@code executor}; the future never fails, it carries the status. */
    public static CompletableFuture<Status> run(Executor executor, Action action) {
        return supply(executor, () -> {
            action.run();
            return Status.OK;
        }).handle((s, e) -> e == null ? s : Statuses.of(e));
    }

    /** Runs {@code query} on {@code executor}; the future fails with the store's MfsException. */
    public static <T> CompletableFuture<T> supply(Executor executor, Query<T> query) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    f.complete(query.get());
                } catch (MfsException e) {
                    f.completeExceptionally(e);
                } catch (RuntimeException e) {
                    LOG.error("store call failed unexpectedly: {}", e.toString(), e);
                    f.completeExceptionally(new MfsException(Status.EIO, e.toString(), e));
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new MfsException(Status.EIO, "chunkserver is shutting down"));
        }
        return f;
    }
}
