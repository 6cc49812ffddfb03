package org.mfsj.common.wire;

import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Calls on a connection that may not be there yet, sent in the order they were made once it is.
 * Each call is a stage chained to the one before, so a request made while the connection is being
 * set up leaves after the earlier ones (dependents of one future would run in no set order). A
 * connection that fails fails every call made on it.
 */
public final class OrderedCalls {
    private CompletableFuture<Peer> tail;

    /** @param connection completes with the connection once requests may be sent on it */
    public OrderedCalls(CompletableFuture<Peer> connection) {
        this.tail = connection;
    }

    public synchronized <R extends Message> CompletableFuture<R> call(IntFunction<? extends Message> request,
                                                                       Class<R> replyType, long timeoutMs) {
        CompletableFuture<R> reply = new CompletableFuture<>();
        tail = tail.whenComplete((p, e) -> {
            if (e != null) {
                reply.completeExceptionally(e);
            } else {
                p.call(request, replyType, timeoutMs).whenComplete((r, x) -> {
                    if (x != null) {
                        reply.completeExceptionally(x);
                    } else {
                        reply.complete(r);
                    }
                });
            }
        });
        return reply;
    }
}
