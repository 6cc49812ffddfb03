package org.mfsj.chunkserver.net;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.mfsj.chunkserver.Statuses;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.OrderedCalls;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2chunk.WriteData;
import org.mfsj.common.wire.client2chunk.WriteEnd;
import org.mfsj.common.wire.client2chunk.WriteEndSync;
import org.mfsj.common.wire.client2chunk.WriteInit;
import org.mfsj.common.wire.client2chunk.WriteInitNew;
import org.mfsj.common.wire.client2chunk.WriteReply;

/**
 * The connection from a write session to the next server of its chain, speaking the client
 * protocol as a client would. Every step's future carries a status and never fails. When the
 * connection breaks, or the next server reports an error that will not pass, the session hears
 * of it through {@code broken}, so it can fail the rest of its writes at once. The connection is
 * leased from {@link DataServices#downstreams()}: a session that ended cleanly gives it back for
 * the next one, any other closes it.
 */
final class Downstream implements Peer.Inbound {
    private final DataServices services;
    private final ServerAddress next;
    private final Consumer<Status> broken;
    private volatile Peer peer;
    private volatile boolean closing;
    /** Completes with the connection once WriteInit went out on it. */
    private final CompletableFuture<Peer> initSent = new CompletableFuture<>();
    /** Data and WriteEnd may come before that (pipelined): they follow it in the order made. */
    private final OrderedCalls sendOrder = new OrderedCalls(initSent);

    Downstream(DataServices services, ServerAddress next, Consumer<Status> broken) {
        this.services = services;
        this.next = next;
        this.broken = broken;
    }

    ServerAddress address() {
        return next;
    }

    /**
     * Connects and starts the session on the next server, which continues down {@code rest}; with
     * {@code create}, each of them creates the chunk first.
     */
    CompletableFuture<Status> open(long chunkId, int version, List<ServerAddress> rest, boolean create) {
        List<ServerAddress> tail = List.copyOf(rest);
        return services.downstreams().lease(next, this)
                .thenCompose(p -> {
                    peer = p;
                    if (closing) {
                        // the session was abandoned while we connected: close() may not have seen this peer
                        p.close();
                        return CompletableFuture.failedFuture(new MfsException(Status.DISCONNECTED,
                                "write session abandoned"));
                    }
                    CompletableFuture<WriteReply> r = p.call(id -> create
                            ? new WriteInitNew(new WriteInit(id, chunkId, version, tail))
                            : new WriteInit(id, chunkId, version, tail), WriteReply.class, services.timeoutMillis());
                    initSent.complete(p);
                    return r;
                })
                .handle((r, e) -> {
                    if (e != null) {
                        initSent.completeExceptionally(e);
                    }
                    return e != null ? Statuses.of(e) : r.status();
                });
    }

    /**
     * Sends the same bytes on, uncopied; the next server answers for itself and everything after
     * it. The message sent holds a reference of its own, taken when it is built (never, when the
     * connection failed first), which the transport lets go once written; {@code w} must stay
     * retained until the returned future completes.
     */
    CompletableFuture<Status> forward(WriteData w) {
        return call(id -> new WriteData(id, w.chunkId(), w.offset(), w.crc32c(), w.data().retainedDuplicate()));
    }

    /** Ends the session below; with {@code sync}, once the chunk is on disk there. */
    CompletableFuture<Status> end(long chunkId, boolean sync) {
        return call(id -> sync ? new WriteEndSync(new WriteEnd(id, chunkId)) : new WriteEnd(id, chunkId));
    }

    private CompletableFuture<Status> call(java.util.function.IntFunction<Message> request) {
        if (closing) {
            return CompletableFuture.completedFuture(Status.DISCONNECTED);
        }
        return sendOrder.call(request, WriteReply.class, services.timeoutMillis())
                .handle((r, e) -> {
                    Status s = e != null ? Statuses.of(e) : r.status();
                    if (breaksSession(s)) {
                        broken.accept(s);
                    }
                    return s;
                });
    }

    /** Errors about one request's own bytes leave the chain usable; anything else does not. */
    private static boolean breaksSession(Status s) {
        return !(s.isOk() || s == Status.CRC_ERROR || s == Status.OUT_OF_RANGE);
    }

    /** The session ended cleanly here and below: the next session to that server may use the connection. */
    void release() {
        closing = true;
        Peer p = peer;
        // the connection may serve another session from now on: nothing here may touch it again
        peer = null;
        if (p != null) {
            services.downstreams().release(next, p);
        }
    }

    void close() {
        closing = true;
        Peer p = peer;
        if (p != null) {
            p.close();
        }
    }

    @Override
    public void onMessage(Peer from, Message message) {
        // the next server only answers; anything it asks of us is a protocol error
        from.close();
    }

    @Override
    public void onClose(Peer p) {
        if (!closing) {
            broken.accept(Status.DISCONNECTED);
        }
    }
}
