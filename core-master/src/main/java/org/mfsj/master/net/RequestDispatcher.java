package org.mfsj.master.net;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.master.meta.ForceDeferral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one dispatch table from client request class to handler, and the one place where a failure
 * becomes a reply. Each entry names how to build its reply type with an error status, so every
 * request is answered with the type its client waits for; errors never close the connection.
 * Runs on the master thread.
 */
public final class RequestDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    /** A handler that answers at once. */
    @FunctionalInterface
    public interface Handler<T extends Message> {
        Message handle(Peer from, T request) throws MfsException;
    }

    /** A handler whose answer needs chunkservers first (or must wait for a chunk lock). */
    @FunctionalInterface
    public interface AsyncHandler<T extends Message> {
        CompletionStage<? extends Message> handle(Peer from, T request) throws MfsException;
    }

    /** Builds the request's reply type carrying only an error status. */
    @FunctionalInterface
    public interface ErrorReply {
        Message of(int msgId, Status status);
    }

    /**
     * Told around each request; what a request changed may make its answer wait for others first
     * (directory leases recalled from other connections).
     */
    public interface ChangeWatch {
        ChangeWatch NONE = new ChangeWatch() {
            @Override
            public void begin(Peer from) {
            }

            @Override
            public CompletionStage<Void> end() {
                return null;
            }

            @Override
            public void closed(Peer peer) {
            }
        };

        /** A request from {@code from} is about to be served. */
        void begin(Peer from);

        /** It was served: what its answer must wait for, or null for nothing. */
        CompletionStage<Void> end();

        void closed(Peer peer);
    }

    /** Per-connection events the session layer wants to see. */
    public interface ConnectionHooks {
        void onRequest(Peer from);

        /** A new connection, on its event loop before any read: may only set up the connection. */
        default void onOpen(Peer peer) {
        }

        /** OK to serve {@code m}; any other status is the answer (a read-only export, a goal out of bounds). */
        default Status admit(Peer from, Message m) {
            return Status.OK;
        }

        void onClose(Peer peer);
    }

    /**
     * A request that carries another one: the inner request is served as if sent alone, and its
     * reply (or error reply) is turned into the outer request's reply type.
     */
    public interface Envelope<T extends Message> {
        Message inner(T outer);

        /** Just before the inner request is served: what {@link #reply} needs of the state before it. */
        default Object before(T outer) {
            return null;
        }

        /** On the master thread, right after the inner request was served. */
        Message reply(T outer, Object before, Message innerReply);
    }

    private record Entry<T extends Message>(AsyncHandler<T> handler, ErrorReply error) {
        CompletionStage<? extends Message> run(Peer from, Message m) throws MfsException {
            @SuppressWarnings("unchecked")
            T request = (T) m;
            return handler.handle(from, request);
        }
    }

    private record Wrapped<T extends Message>(Class<T> type, Envelope<T> envelope) {
        Message inner(Message outer) {
            return envelope.inner(type.cast(outer));
        }

        Object before(Message outer) {
            return envelope.before(type.cast(outer));
        }

        Message reply(Message outer, Object before, Message innerReply) {
            return envelope.reply(type.cast(outer), before, innerReply);
        }
    }

    private final Map<Class<?>, Entry<?>> table = new HashMap<>();
    private final Map<Class<?>, Predicate<Message>> answeredApplied = new HashMap<>();
    private final Map<Class<?>, Wrapped<?>> envelopes = new HashMap<>();
    private final Set<Class<?>> ridingReplies = new HashSet<>();
    private long durableReplies;
    private long appliedReplies;
    private final ConnectionHooks hooks;
    private ReplyGate gate = ReplyGate.IMMEDIATE;
    private Retries retries = Retries.NONE;
    private ForceDeferral deferral = ForceDeferral.NONE;
    private ChangeWatch watch = ChangeWatch.NONE;

    public RequestDispatcher(ConnectionHooks hooks) {
        this.hooks = hooks;
    }

    /** How replies leave (the master holds them until the changelog has them durable). */
    public void setReplyGate(ReplyGate replyGate) {
        gate = replyGate;
    }

    /** How retried requests are recognised and answered. */
    public void setRetries(Retries r) {
        retries = r;
    }

    /** Where each request's changes are grouped into one force (or none, answered once applied). */
    public void setForceDeferral(ForceDeferral d) {
        deferral = d;
    }

    /** Who sees each request's changes before its answer goes (directory leases). */
    public void setChangeWatch(ChangeWatch w) {
        watch = w;
    }

    public <T extends Message> void on(Class<T> type, Handler<T> handler, ErrorReply error) {
        onAsync(type, (from, req) -> CompletableFuture.completedFuture(handler.handle(from, req)), error);
    }

    public <T extends Message> void onAsync(Class<T> type, AsyncHandler<T> handler, ErrorReply error) {
        if (table.putIfAbsent(type, new Entry<>(handler, error)) != null) {
            throw new IllegalStateException(type.getSimpleName() + " has two handlers");
        }
    }

    /**
     * Requests of {@code type} for which {@code when} holds are answered as soon as served, without
     * waiting until their changes are durable. Only for changes no one else can see before a later
     * durable change covers them (scratch files); every other reply still waits.
     */
    public <T extends Message> void answerOnceApplied(Class<T> type, Predicate<T> when) {
        answeredApplied.put(type, m -> when.test(type.cast(m)));
    }

    /**
     * The client does not wait for the answers to requests of {@code type} (it sends them ahead of
     * others): they go out with the next reply on the connection rather than in a write of their own.
     */
    public void answerWithNext(Class<? extends Message> type) {
        ridingReplies.add(type);
    }

    /** Requests of {@code type} carry an inner request, served through this same table. */
    public <T extends Message> void onEnvelope(Class<T> type, Envelope<T> envelope) {
        if (envelopes.putIfAbsent(type, new Wrapped<>(type, envelope)) != null || table.containsKey(type)) {
            throw new IllegalStateException(type.getSimpleName() + " has two handlers");
        }
    }

    /** Replies sent so far: {durable first, once applied}. Master thread only. */
    public long[] replyCounts() {
        return new long[] {durableReplies, appliedReplies};
    }

    public void dispatch(Peer from, Message m) {
        Wrapped<?> wrapped = envelopes.get(m.getClass());
        if (wrapped != null) {
            Object before = wrapped.before(m);
            serve(from, wrapped.inner(m), r -> wrapped.reply(m, before, r));
            return;
        }
        serve(from, m, UnaryOperator.identity());
    }

    private void serve(Peer from, Message m, UnaryOperator<Message> finish) {
        Entry<?> entry = table.get(m.getClass());
        if (entry == null) {
            LOG.warn("client {} sent {}, which is not a request; closing", from.remote(), m.getClass().getSimpleName());
            from.close();
            return;
        }
        hooks.onRequest(from);
        Predicate<Message> early = answeredApplied.get(m.getClass());
        boolean applied = early != null && early.test(m);
        Status admitted = hooks.admit(from, m);
        if (admitted != Status.OK) {
            send(from, finish.apply(entry.error().of(m.msgId(), admitted)), applied, false);
            return;
        }
        Message first = retries.begin(from, m);
        if (first != null) {
            retries.end();
            LOG.debug("client {} retried {} {}; answered as the first time", from.remote(),
                    m.getClass().getSimpleName(), m.msgId());
            send(from, finish.apply(first), applied, false);
            return;
        }
        CompletionStage<? extends Message> reply;
        CompletionStage<Void> recalled;
        deferral.defer(applied);
        watch.begin(from);
        try {
            reply = entry.run(from, m);
        } catch (MfsException | RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        } finally {
            recalled = watch.end();
            deferral.undefer(!applied);
            retries.end();
        }
        if (recalled != null) {
            reply = reply.thenCombine(recalled, (r, none) -> r);
        }
        boolean rides = ridingReplies.contains(m.getClass());
        reply.whenComplete((r, e) -> send(from,
                finish.apply(e == null ? r : entry.error().of(m.msgId(), statusOf(e, m, from))), applied, rides));
    }

    private void send(Peer to, Message reply, boolean applied, boolean rides) {
        if (applied) {
            appliedReplies++;
            to.send(reply);
        } else if (rides) {
            durableReplies++;
            gate.sendWithNext(to, reply);
        } else {
            durableReplies++;
            gate.send(to, reply);
        }
    }

    public void opened(Peer peer) {
        hooks.onOpen(peer);
    }

    public void closed(Peer peer) {
        watch.closed(peer);
        hooks.onClose(peer);
    }

    /**
     * The status a failed request reports. MfsException carries the exact POSIX outcome and is
     * passed through untouched; anything else is a bug in the master, logged with its stack and
     * reported as EIO so the client is answered instead of left waiting.
     */
    private static Status statusOf(Throwable error, Message m, Peer from) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof MfsException me) {
            LOG.debug("client {} {}: {}", from.remote(), m.getClass().getSimpleName(), me.getMessage());
            return me.status();
        }
        LOG.error("bug while handling {} from client {}", m.getClass().getSimpleName(), from.remote(), e);
        return Status.EIO;
    }
}
