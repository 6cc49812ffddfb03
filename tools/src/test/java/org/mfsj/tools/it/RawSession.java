package org.mfsj.tools.it;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.Transport;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.client2master.ClientMasterProtocol;
import org.mfsj.common.wire.client2master.RegisterSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;

/**
 * A client session on one raw connection to a master's client port, for requests core-client does
 * not send itself (a client of the wire protocol that is not ours): it opens a new session, or
 * resumes one on a new connection as a client does after losing its link.
 */
final class RawSession implements AutoCloseable {
    private static final long TIMEOUT_MS = 20_000;

    private final EventLoopGroup group;
    private final Peer peer;
    private final long sessionId;

    private RawSession(EventLoopGroup group, Peer peer, long sessionId) {
        this.group = group;
        this.peer = peer;
        this.sessionId = sessionId;
    }

    /** Session {@code sessionId} (0: a new one) on a new connection to {@code port} on loopback. */
    static RawSession open(int port, long sessionId) throws Exception {
        EventLoopGroup group = Transport.newGroup(1);
        Peer peer = null;
        try {
            peer = WireClient.connect(group, new ServerAddress("127.0.0.1", port), ClientMasterProtocol.FAMILY,
                    ClientMasterProtocol.FAMILY, (p, m) -> { }, 5000).get(10, TimeUnit.SECONDS);
            Peer p = peer;
            RegisterSessionReply r = p.call(id -> new RegisterSession(id, sessionId, "raw", "/"),
                    RegisterSessionReply.class, TIMEOUT_MS).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (r.status() != Status.OK) {
                throw new IllegalStateException("session " + sessionId + " not registered: " + r.status());
            }
            return new RawSession(group, peer, r.sessionId());
        } catch (Exception | Error e) {
            if (peer != null) {
                peer.close();
            }
            group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    long sessionId() {
        return sessionId;
    }

    <R extends Message> R call(IntFunction<? extends Message> request, Class<R> reply) throws Exception {
        return async(request, reply).get(TIMEOUT_MS + 1000, TimeUnit.MILLISECONDS);
    }

    <R extends Message> CompletableFuture<R> async(IntFunction<? extends Message> request, Class<R> reply) {
        return peer.call(request, reply, TIMEOUT_MS);
    }

    @Override
    public void close() {
        peer.close();
        group.shutdownGracefully(0, 100, TimeUnit.MILLISECONDS);
    }
}
