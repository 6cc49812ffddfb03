package org.mfsj.master.fake;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;

/** A raw client connection to the master: typed calls with a generous deadline. */
public final class TestClient implements AutoCloseable {
    private static final long TIMEOUT_MS = 20_000;

    private final Peer peer;

    private TestClient(Peer peer) {
        this.peer = peer;
    }

    public static TestClient connect(EventLoopGroup group, int port) throws Exception {
        return connect(group, port, (p, m) -> { });
    }

    /** A connection whose unasked messages (notices, recalls) go to {@code unasked}, on its event loop. */
    public static TestClient connect(EventLoopGroup group, int port, Peer.Inbound unasked) throws Exception {
        return new TestClient(WireClient.connect(group, new ServerAddress("127.0.0.1", port),
                ClientMasterProtocol.FAMILY, ClientMasterProtocol.FAMILY, unasked, 5000)
                .get(10, TimeUnit.SECONDS));
    }

    public <R extends Message> R call(IntFunction<? extends Message> request, Class<R> reply) throws Exception {
        return async(request, reply).get(TIMEOUT_MS + 1000, TimeUnit.MILLISECONDS);
    }

    public <R extends Message> CompletableFuture<R> async(IntFunction<? extends Message> request, Class<R> reply) {
        return peer.call(request, reply, TIMEOUT_MS);
    }

    /**
     * Repeats a call until its reply satisfies {@code done}: for state the master reaches on its
     * own (a report processed, a replication recorded). Each try is a full round trip, so the
     * loop needs no sleeping; it fails with the last reply after the deadline.
     */
    public <R extends Message> R until(IntFunction<? extends Message> request, Class<R> reply, Predicate<R> done)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        R last = call(request, reply);
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("master never reached the expected state; last reply: " + last);
            }
            last = call(request, reply);
        }
        return last;
    }

    public boolean isActive() {
        return peer.isActive();
    }

    @Override
    public void close() {
        peer.close();
    }
}
