package org.mfsj.master.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/** Failing an asynchronous call with a status, in the form the dispatcher unwraps. */
final class Failures {
    private Failures() {
    }

    /** For throwing inside a continuation, where checked exceptions cannot go. */
    static CompletionException error(Status status, String detail) {
        return new CompletionException(new MfsException(status, detail));
    }

    static <T> CompletableFuture<T> failed(Throwable e) {
        return CompletableFuture.failedFuture(e);
    }
}
