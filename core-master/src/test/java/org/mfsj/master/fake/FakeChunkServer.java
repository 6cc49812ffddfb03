package org.mfsj.master.fake;

import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkCopy;
import org.mfsj.common.types.DiskReport;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.WireServer;
import org.mfsj.common.wire.chunk2chunk.ChunkChunkProtocol;
import org.mfsj.common.wire.chunk2master.ChunkMasterProtocol;
import org.mfsj.common.wire.chunk2master.CreateChunk;
import org.mfsj.common.wire.chunk2master.CsChunksAdded;
import org.mfsj.common.wire.chunk2master.CsCommandReply;
import org.mfsj.common.wire.chunk2master.CsRegister;
import org.mfsj.common.wire.chunk2master.CsRegisterReply;
import org.mfsj.common.wire.chunk2master.CsRegistrationDone;
import org.mfsj.common.wire.chunk2master.DeleteChunk;
import org.mfsj.common.wire.chunk2master.ReplicateChunk;
import org.mfsj.common.wire.chunk2master.SetChunkVersion;
import org.mfsj.common.wire.chunk2master.TruncateChunk;

/**
 * A chunkserver with no disks: it registers with the master, keeps its chunk map in memory,
 * obeys orders at once and records every order it gets, for tests to wait on.
 */
public final class FakeChunkServer implements AutoCloseable {
    private final long serverId;
    private final EventLoopGroup group;
    private final ServerAddress master;
    private final WireServer data;
    private final long usedBytes;
    private final long totalBytes;
    private final Map<Long, Integer> chunks = new ConcurrentHashMap<>();
    private final BlockingQueue<Message> orders = new LinkedBlockingQueue<>();
    private final List<Message> seen = new ArrayList<>();
    private volatile Peer peer;

    /** {@code usedBytes} of {@code totalBytes} decide where the master places copies. */
    public FakeChunkServer(long serverId, EventLoopGroup group, int masterPort, long usedBytes, long totalBytes)
            throws InterruptedException {
        this.serverId = serverId;
        this.group = group;
        this.master = new ServerAddress("127.0.0.1", masterPort);
        this.usedBytes = usedBytes;
        this.totalBytes = totalBytes;
        // a real listening port, so every fake has a distinct, genuine data address
        this.data = WireServer.bind(group, "127.0.0.1", 0, ChunkChunkProtocol.FAMILY, ChunkChunkProtocol.FAMILY,
                () -> (p, m) -> { });
    }

    public ServerAddress dataAddress() {
        return new ServerAddress("127.0.0.1", data.port());
    }

    /** Registers, reports every chunk it holds, and says it is done. */
    public void connect() throws Exception {
        Peer p = WireClient.connect(group, master, ChunkMasterProtocol.FAMILY, ChunkMasterProtocol.FAMILY,
                this::onOrder, 5000).get(10, TimeUnit.SECONDS);
        List<DiskReport> disks = List.of(new DiskReport("/fake" + serverId, usedBytes, totalBytes, chunks.size(),
                false, false));
        CsRegisterReply reply = p.call(id -> new CsRegister(id, serverId, dataAddress(), disks),
                CsRegisterReply.class, 10_000).get(10, TimeUnit.SECONDS);
        if (!reply.status().isOk()) {
            throw new IllegalStateException("registration refused: " + reply.status());
        }
        List<ChunkCopy> held = chunks.entrySet().stream().map(e -> new ChunkCopy(e.getKey(), e.getValue())).toList();
        p.send(new CsChunksAdded(0, held));
        p.send(new CsRegistrationDone(0));
        peer = p;
    }

    /** Drops the connection, as a crashed or unplugged server would; keeps the chunks. */
    public void disconnect() {
        Peer p = peer;
        if (p != null) {
            p.channel().close().syncUninterruptibly();
        }
    }

    public Map<Long, Integer> chunks() {
        return chunks;
    }

    /** Waits for the next order matching {@code wanted}, skipping (but keeping) the others. */
    public <T extends Message> T awaitOrder(Class<T> type, Predicate<T> wanted) throws InterruptedException {
        synchronized (seen) {
            for (Message m : seen) {
                if (type.isInstance(m) && wanted.test(type.cast(m))) {
                    seen.remove(m);
                    return type.cast(m);
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Message m = orders.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("chunkserver " + serverId + " got no " + type.getSimpleName()
                        + " as wanted; orders seen: " + seen);
            }
            if (type.isInstance(m) && wanted.test(type.cast(m))) {
                return type.cast(m);
            }
            synchronized (seen) {
                seen.add(m);
            }
        }
    }

    /** Every order received so far and not yet taken by {@link #awaitOrder}. */
    public List<Message> pendingOrders() {
        List<Message> all;
        synchronized (seen) {
            all = new ArrayList<>(seen);
        }
        all.addAll(orders);
        return all;
    }

    private void onOrder(Peer from, Message m) {
        Status st = apply(m);
        orders.add(m);
        from.send(new CsCommandReply(m.msgId(), st));
    }

    private Status apply(Message m) {
        if (m instanceof CreateChunk c) {
            return chunks.putIfAbsent(c.chunkId(), c.version()) == null ? Status.OK : Status.CHUNK_EXISTS;
        } else if (m instanceof SetChunkVersion v) {
            return chunks.replace(v.chunkId(), v.oldVersion(), v.newVersion()) ? Status.OK : Status.WRONG_VERSION;
        } else if (m instanceof TruncateChunk t) {
            return chunks.replace(t.chunkId(), t.oldVersion(), t.newVersion()) ? Status.OK : Status.WRONG_VERSION;
        } else if (m instanceof DeleteChunk d) {
            Integer had = chunks.get(d.chunkId());
            if (had == null) {
                return Status.NO_SUCH_CHUNK;
            }
            if (d.version() != 0 && d.version() != had) {
                return Status.WRONG_VERSION;
            }
            chunks.remove(d.chunkId());
            return Status.OK;
        } else if (m instanceof ReplicateChunk r) {
            return chunks.putIfAbsent(r.chunkId(), r.version()) == null ? Status.OK : Status.CHUNK_EXISTS;
        }
        return Status.PROTOCOL;
    }

    @Override
    public void close() {
        disconnect();
        data.close();
    }
}
