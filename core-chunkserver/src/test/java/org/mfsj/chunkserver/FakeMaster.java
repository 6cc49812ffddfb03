package org.mfsj.chunkserver;

import static org.assertj.core.api.Assertions.fail;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkCopy;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireServer;
import org.mfsj.common.wire.chunk2master.ChunkMasterProtocol;
import org.mfsj.common.wire.chunk2master.CsChunkDamaged;
import org.mfsj.common.wire.chunk2master.CsChunksAdded;
import org.mfsj.common.wire.chunk2master.CsChunksLost;
import org.mfsj.common.wire.chunk2master.CsCommandReply;
import org.mfsj.common.wire.chunk2master.CsHeartbeat;
import org.mfsj.common.wire.chunk2master.CsRegister;
import org.mfsj.common.wire.chunk2master.CsRegisterReply;
import org.mfsj.common.wire.chunk2master.CsRegistrationDone;

/**
 * A stand-in for the master's chunkserver port: accepts every registration, records what the
 * chunkservers report, and lets a test give orders and wait for their replies.
 */
final class FakeMaster implements AutoCloseable {
    static final long WAIT_SECONDS = 20;

    /** One completed registration: the introduction and every chunk reported before "done". */
    record Registration(CsRegister hello, List<ChunkCopy> chunks) {
        long serverId() {
            return hello.serverId();
        }
    }

    private final WireServer server;
    private final Map<Long, Peer> byServer = new ConcurrentHashMap<>();
    private final BlockingQueue<Registration> registrations = new LinkedBlockingQueue<>();
    private final BlockingQueue<ChunkCopy> added = new LinkedBlockingQueue<>();
    private final BlockingQueue<CsChunkDamaged> damaged = new LinkedBlockingQueue<>();
    private final BlockingQueue<CsChunksLost> lost = new LinkedBlockingQueue<>();
    private final BlockingQueue<CsHeartbeat> heartbeats = new LinkedBlockingQueue<>();
    private final BlockingQueue<CsRegister> hellos = new LinkedBlockingQueue<>();
    /** The term (epoch) this master claims in its registration replies. */
    private volatile long term;

    FakeMaster(EventLoopGroup group) throws InterruptedException {
        server = WireServer.bind(group, "127.0.0.1", 0, ChunkMasterProtocol.FAMILY, ChunkMasterProtocol.FAMILY,
                Connection::new);
    }

    ServerAddress address() {
        return new ServerAddress("127.0.0.1", server.port());
    }

    /** The next registration of {@code serverId} (earlier ones of other servers are skipped). */
    Registration awaitRegistration(long serverId) throws InterruptedException {
        while (true) {
            Registration r = poll(registrations, "registration of server " + Long.toHexString(serverId));
            if (r.serverId() == serverId) {
                return r;
            }
        }
    }

    /** Sends an order to a registered server and waits for its outcome. */
    Status order(long serverId, IntFunction<Message> order) throws Exception {
        return orderAsync(serverId, order).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    CompletableFuture<Status> orderAsync(long serverId, IntFunction<Message> order) {
        Peer p = byServer.get(serverId);
        if (p == null) {
            fail("server " + Long.toHexString(serverId) + " never registered");
        }
        return p.call(order, CsCommandReply.class, 30_000).thenApply(CsCommandReply::status);
    }

    ChunkCopy awaitAdded() throws InterruptedException {
        return poll(added, "a CsChunksAdded after registration");
    }

    CsChunkDamaged awaitDamaged() throws InterruptedException {
        return poll(damaged, "a CsChunkDamaged");
    }

    CsChunksLost awaitLost() throws InterruptedException {
        return poll(lost, "a CsChunksLost");
    }

    CsHeartbeat awaitHeartbeat() throws InterruptedException {
        return poll(heartbeats, "a CsHeartbeat");
    }

    /** Registration replies claim {@code t} from now on (a master of another term answers the port). */
    void term(long t) {
        term = t;
    }

    /** Forgets the registration requests seen so far. */
    void forgetHellos() {
        hellos.clear();
    }

    /** The next registration request of any server, completed or not. */
    CsRegister awaitHello() throws InterruptedException {
        return poll(hellos, "a CsRegister");
    }

    /** Whether a registration completed that no test has awaited yet. */
    boolean registrationPending() {
        return !registrations.isEmpty();
    }

    /** Drops every chunkserver connection, as a master restart would. */
    void disconnectAll() {
        byServer.values().forEach(Peer::close);
    }

    private static <T> T poll(BlockingQueue<T> q, String what) throws InterruptedException {
        T t = q.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (t == null) {
            fail("fake master waited " + WAIT_SECONDS + " s for " + what);
        }
        return t;
    }

    @Override
    public void close() {
        server.close();
        disconnectAll();
    }

    /** One chunkserver connection. */
    private final class Connection implements Peer.Inbound {
        private CsRegister hello;
        private final List<ChunkCopy> chunks = new ArrayList<>();
        private boolean done;

        @Override
        public void onMessage(Peer from, Message m) {
            if (m instanceof CsRegister r) {
                hello = r;
                hellos.add(r);
                byServer.put(r.serverId(), from);
                from.send(new CsRegisterReply(r.msgId(), Status.OK, term));
            } else if (m instanceof CsChunksAdded a) {
                if (done) {
                    added.addAll(a.chunks());
                } else {
                    chunks.addAll(a.chunks());
                }
            } else if (m instanceof CsRegistrationDone) {
                done = true;
                registrations.add(new Registration(hello, List.copyOf(chunks)));
            } else if (m instanceof CsChunkDamaged d) {
                damaged.add(d);
            } else if (m instanceof CsChunksLost l) {
                lost.add(l);
            } else if (m instanceof CsHeartbeat h) {
                heartbeats.add(h);
            }
        }
    }
}
