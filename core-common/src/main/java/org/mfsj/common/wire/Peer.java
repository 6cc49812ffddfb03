package org.mfsj.common.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;

/**
 * One end of a connection that can both call the other side and be called by it. Replies complete
 * the pending call with their message id; every other message goes to the {@link Inbound} handler.
 * When the connection drops, every pending call fails with {@link Status#DISCONNECTED}.
 */
public final class Peer extends SimpleChannelInboundHandler<Message> {
    /** Receives requests and notifications from the other side, on the connection's event loop. */
    @FunctionalInterface
    public interface Inbound {
        void onMessage(Peer from, Message message);

        /** The connection is set up and nothing has been read from it yet. */
        default void onOpen(Peer peer) {
        }

        default void onClose(Peer peer) {
        }
    }

    /** How often calls past their deadline are failed; one sweep beats a timer per call. */
    private static final long SWEEP_MILLIS = 100;

    private record Pending(CompletableFuture<Message> future, long deadlineNanos) {
    }

    private final Inbound inbound;
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private volatile java.util.concurrent.ScheduledFuture<?> sweeper;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile Channel channel;
    private volatile Object attachment;

    public Peer(Inbound inbound) {
        this.inbound = inbound;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // set here, not in channelActive: a connect listener may run before channelActive fires
        channel = ctx.channel();
        sweeper = ctx.executor().scheduleWithFixedDelay(this::expireOverdue, SWEEP_MILLIS, SWEEP_MILLIS,
                TimeUnit.MILLISECONDS);
        inbound.onOpen(this);
    }

    /** Maps the credentials of every message read from now on (see MessageCodec#filterCreds). */
    public void filterCreds(UnaryOperator<Creds> filter) {
        MessageCodec codec = channel.pipeline().get(MessageCodec.class);
        if (codec != null) {
            codec.filterCreds(filter);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stopSweeper();
    }

    private void stopSweeper() {
        java.util.concurrent.ScheduledFuture<?> s = sweeper;
        if (s != null) {
            s.cancel(false);
        }
    }

    private void expireOverdue() {
        if (pending.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        pending.forEach((id, p) -> {
            if (now - p.deadlineNanos() >= 0 && pending.remove(id, p)) {
                p.future().completeExceptionally(new java.util.concurrent.TimeoutException(
                        "no answer from " + remote() + " to message " + id));
            }
        });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
        if (msg instanceof Reply) {
            Pending p = pending.remove(msg.msgId());
            if (p != null) {
                p.future().complete(msg);
            }
            return;
        }
        inbound.onMessage(this, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        MfsException gone = new MfsException(Status.DISCONNECTED, "connection to " + remote() + " closed");
        stopSweeper();
        pending.values().forEach(p -> p.future().completeExceptionally(gone));
        pending.clear();
        inbound.onClose(this);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        org.slf4j.LoggerFactory.getLogger(Peer.class)
                .warn("closing connection to {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /** Sends a request built with a fresh message id; the future completes with its reply. */
    public <R extends Message> CompletableFuture<R> call(IntFunction<? extends Message> request, Class<R> replyType,
                                                          long timeoutMillis) {
        return call(request, replyType, timeoutMillis, true);
    }

    /**
     * As {@link #call(IntFunction, Class, long)}, but the request is only queued on the connection:
     * it goes out with whatever is sent and flushed next, in one write with it.
     */
    public <R extends Message> CompletableFuture<R> callWithNext(IntFunction<? extends Message> request,
                                                                  Class<R> replyType, long timeoutMillis) {
        return call(request, replyType, timeoutMillis, false);
    }

    private <R extends Message> CompletableFuture<R> call(IntFunction<? extends Message> request, Class<R> replyType,
                                                           long timeoutMillis, boolean flush) {
        int id = nextId.getAndUpdate(i -> i == Integer.MAX_VALUE ? 1 : i + 1);
        CompletableFuture<Message> f = new CompletableFuture<>();
        pending.put(id, new Pending(f, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis)));
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            pending.remove(id);
            return CompletableFuture.failedFuture(new MfsException(Status.DISCONNECTED, "not connected to " + remote()));
        }
        Message req = request.apply(id);
        (flush ? ch.writeAndFlush(req) : ch.write(req)).addListener(w -> {
            if (!w.isSuccess()) {
                pending.remove(id);
                f.completeExceptionally(new MfsException(Status.DISCONNECTED, "send to " + remote() + " failed",
                        w.cause()));
            }
        });
        return f.thenApply(m -> {
            if (!replyType.isInstance(m)) {
                throw new IllegalStateException(new MfsException(Status.PROTOCOL, "expected " + replyType.getSimpleName()
                        + " from " + remote() + ", got " + m.getClass().getSimpleName()));
            }
            return replyType.cast(m);
        });
    }

    /** Sends a reply or notification. */
    public void send(Message m) {
        Channel ch = channel;
        if (ch != null) {
            ch.writeAndFlush(m);
        }
    }

    /**
     * Sends a frame already encoded in full (see {@link MessageCodec#startFrame}); the codec passes it
     * through as it is. The buffer is the transport's from here on, released once written or dropped.
     */
    public void sendFrame(ByteBuf frame) {
        Channel ch = channel;
        if (ch != null) {
            ch.writeAndFlush(frame);
        } else {
            frame.release();
        }
    }

    /** Sends without flushing; call {@link #flush()} after a batch. */
    public void sendLater(Message m) {
        Channel ch = channel;
        if (ch != null) {
            ch.write(m);
        }
    }

    public void flush() {
        Channel ch = channel;
        if (ch != null) {
            ch.flush();
        }
    }

    public boolean isActive() {
        Channel ch = channel;
        return ch != null && ch.isActive();
    }

    public SocketAddress remote() {
        Channel ch = channel;
        return ch == null ? null : ch.remoteAddress();
    }

    public Channel channel() {
        return channel;
    }

    public void close() {
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    /** State the owner keeps with this connection (e.g. the chunkserver record on the master). */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object o) {
        attachment = o;
    }
}
