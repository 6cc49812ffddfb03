package org.mfsj.client.master;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/**
 * Turns the transport's futures into the library's one exception type. Only transport failures are
 * mapped here (a dropped connection, a silent peer, a wrong reply); statuses inside replies are
 * checked by whoever reads the reply. Programming errors are rethrown as they are, never as EIO.
 */
public final class Futures {
    private Futures() {
    }

    /** Waits for {@code f}; the transport bounds the wait with its call timeout. */
    public static <T> T await(CompletableFuture<T> f, String what) throws MfsException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            throw interrupted(what);
        } catch (ExecutionException e) {
            throw unwrap(e, what);
        } catch (CancellationException e) {
            throw new MfsException(Status.EAGAIN, what + ": cancelled");
        }
    }

    /** Waits at most {@code nanos}; ETIMEDOUT when nothing came in that time. */
    public static <T> T await(CompletableFuture<T> f, long nanos, String what) throws MfsException {
        try {
            return f.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            throw interrupted(what);
        } catch (ExecutionException e) {
            throw unwrap(e, what);
        } catch (TimeoutException e) {
            throw new MfsException(Status.ETIMEDOUT, what + ": no answer in time");
        } catch (CancellationException e) {
            throw new MfsException(Status.EAGAIN, what + ": cancelled");
        }
    }

    /** The library exception behind a future's failure; rethrows unchecked programming errors. */
    public static MfsException unwrap(Throwable failure, String what) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof IllegalStateException && t.getCause() instanceof MfsException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof MfsException m) {
            return m;
        }
        if (t instanceof TimeoutException) {
            return new MfsException(Status.ETIMEDOUT, what + ": no answer in time");
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new MfsException(Status.EIO, what + ": " + t, t);
    }

    /** The status a failed future carries, for callers that only decide "retry or not". */
    public static Status statusOf(Throwable failure) {
        try {
            return unwrap(failure, "").status();
        } catch (RuntimeException e) {
            return Status.EIO;
        }
    }

    /**
     * core-common has no EINTR; EAGAIN tells the door to let the caller try again. The interrupt
     * flag stays set so the caller's thread still sees it.
     */
    public static MfsException interrupted(String what) {
        Thread.currentThread().interrupt();
        return new MfsException(Status.EAGAIN, what + ": interrupted");
    }
}
