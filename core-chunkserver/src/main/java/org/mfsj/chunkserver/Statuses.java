package org.mfsj.chunkserver;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/** The one place a failure of an asynchronous step becomes the status a peer is told. */
public final class Statuses {
    private Statuses() {
    }

    public static Status of(Throwable t) {
        Throwable c = t;
        // futures wrap the real cause, and Peer.call wraps a wrong reply type in IllegalStateException
        while ((c instanceof CompletionException || c instanceof ExecutionException
                || c instanceof IllegalStateException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof MfsException m) {
            return m.status();
        }
        if (c instanceof TimeoutException) {
            return Status.ETIMEDOUT;
        }
        return Status.EIO;
    }

    /** A short reason for log lines: the exception's message without the wrapping. */
    public static String reason(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
    }
}
