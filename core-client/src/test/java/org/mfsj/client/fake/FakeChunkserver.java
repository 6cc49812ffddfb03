package org.mfsj.client.fake;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoopGroup;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32C;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.OrderedCalls;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.WireServer;
import org.mfsj.common.wire.client2chunk.ChunkSync;
import org.mfsj.common.wire.client2chunk.ChunkSyncReply;
import org.mfsj.common.wire.client2chunk.ClientChunkProtocol;
import org.mfsj.common.wire.client2chunk.ReadBlocks;
import org.mfsj.common.wire.client2chunk.ReadReply;
import org.mfsj.common.wire.client2chunk.WriteData;
import org.mfsj.common.wire.client2chunk.WriteEnd;
import org.mfsj.common.wire.client2chunk.WriteEndSync;
import org.mfsj.common.wire.client2chunk.WriteInit;
import org.mfsj.common.wire.client2chunk.WriteReply;

/**
 * An in-memory chunkserver speaking the client protocol: reads with version checks, chained writes
 * forwarded to the next server of the chain, CRC32C checked on every WriteData. The fake master
 * creates chunks and bumps versions by calling it directly, standing in for the real
 * master-to-chunkserver protocol. Faults: every read answers a given status, the server dies
 * after a given number of WriteData, WriteEnd answers are held back, or the WriteEnd of a full
 * chunk is refused.
 */
public final class FakeChunkserver implements AutoCloseable {
    private static final class Chunk {
        int version;
        byte[] data = new byte[0];
        int length;
    }

    private final EventLoopGroup group;
    private final Map<Long, Chunk> chunks = new ConcurrentHashMap<>();
    private final Set<Peer> peers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger writesLeft = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger writeEnds = new AtomicInteger();
    private final AtomicInteger syncs = new AtomicInteger();
    private final AtomicInteger syncedEnds = new AtomicInteger();
    private final AtomicReference<Status> fullChunkEndFailure = new AtomicReference<>();
    private volatile CompletableFuture<Void> writeEndGate = CompletableFuture.completedFuture(null);
    private volatile CompletableFuture<Void> writeEndArrived = new CompletableFuture<>();
    private volatile CompletableFuture<Void> syncGate = CompletableFuture.completedFuture(null);
    private volatile CompletableFuture<Void> syncArrived = new CompletableFuture<>();
    private volatile Status readFailure;
    private volatile boolean up;
    private WireServer server;
    private int port;

    public FakeChunkserver(EventLoopGroup group) {
        this.group = group;
    }

    public FakeChunkserver start() throws InterruptedException {
        server = WireServer.bind(group, "127.0.0.1", port, ClientChunkProtocol.FAMILY, ClientChunkProtocol.FAMILY,
                Handler::new);
        port = server.port();
        up = true;
        return this;
    }

    /** Closes the port and every connection, as a crashed server would. */
    public void stop() {
        up = false;
        if (server != null) {
            server.close();
        }
        peers.forEach(Peer::close);
        peers.clear();
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isUp() {
        return up;
    }

    public ServerAddress address() {
        return new ServerAddress("127.0.0.1", port);
    }

    /** Every read answers {@code s} from now on (null: read normally). */
    public void failReadsWith(Status s) {
        readFailure = s;
    }

    /** Dies on receiving WriteData number {@code n + 1}. */
    public void dieAfterWrites(int n) {
        writesLeft.set(n);
    }

    /**
     * Refuses, with {@code s}, the next WriteEnd of a chunk holding a whole chunk of data: the end
     * of a sequentially written chunk, which the client finishes while it writes the next one.
     */
    public void refuseNextFullChunkEnd(Status s) {
        fullChunkEndFailure.set(s);
    }

    /**
     * A hold on WriteEnd answers.
     *
     * @param arrived completed when the first held WriteEnd has arrived
     * @param release complete it to let held (and later) WriteEnds through
     */
    public record Hold(CompletableFuture<Void> arrived, CompletableFuture<Void> release) {
    }

    /** WriteEnd requests from now on wait until the hold is released. */
    public Hold holdWriteEnds() {
        Hold h = new Hold(new CompletableFuture<>(), new CompletableFuture<>());
        writeEndArrived = h.arrived();
        writeEndGate = h.release();
        return h;
    }

    /** ChunkSync answers from now on wait until the hold is released. */
    public Hold holdSyncs() {
        Hold h = new Hold(new CompletableFuture<>(), new CompletableFuture<>());
        syncArrived = h.arrived();
        syncGate = h.release();
        return h;
    }

    /** WriteEnd requests received so far, held ones included. */
    public int writeEnds() {
        return writeEnds.get();
    }

    /** WriteEndSync requests received so far: sessions ended forced to disk. */
    public int syncedEnds() {
        return syncedEnds.get();
    }

    /** Chunks asked to be forced (ChunkSync) so far. */
    public int syncs() {
        return syncs.get();
    }

    public int reads() {
        return reads.get();
    }

    // --- what the master does to its chunkservers, called directly ---

    public void create(long chunkId, int version) {
        Chunk c = new Chunk();
        c.version = version;
        chunks.put(chunkId, c);
    }

    public boolean has(long chunkId, int version) {
        Chunk c = chunks.get(chunkId);
        if (c == null) {
            return false;
        }
        synchronized (c) {
            return c.version == version;
        }
    }

    public void setVersion(long chunkId, int version) {
        Chunk c = chunks.get(chunkId);
        synchronized (c) {
            c.version = version;
        }
    }

    public void truncate(long chunkId, int length) {
        Chunk c = chunks.get(chunkId);
        synchronized (c) {
            if (length < c.length) {
                Arrays.fill(c.data, length, c.length, (byte) 0);
            }
            c.length = Math.min(c.length, length);
        }
    }

    /** One connection: a client reading, or the previous server of a chain writing. */
    private final class Handler implements Peer.Inbound {
        private long chunkId;
        private int version;
        private CompletableFuture<Peer> next;
        /** Requests go on to the next server in the order they came, whenever it is connected. */
        private OrderedCalls sendOrder;

        @Override
        public void onMessage(Peer from, Message m) {
            peers.add(from);
            if (!up) {
                from.close();
            } else if (m instanceof ReadBlocks r) {
                reads.incrementAndGet();
                from.send(read(r));
            } else if (m instanceof WriteInit w) {
                init(from, w);
            } else if (m instanceof WriteData d) {
                if (writesLeft.getAndDecrement() <= 0) {
                    up = false;
                    // closing the listener blocks: not on the event loop
                    new Thread(FakeChunkserver.this::stop).start();
                    from.close();
                    return;
                }
                data(from, d);
            } else if (m instanceof ChunkSync s) {
                syncs.addAndGet(s.chunks().size());
                syncArrived.complete(null);
                syncGate.thenRun(() -> from.send(new ChunkSyncReply(s.msgId(),
                        s.chunks().stream().map(c -> sync(c)).toList())));
            } else if (m instanceof WriteEnd e) {
                writeEnds.incrementAndGet();
                writeEndArrived.complete(null);
                writeEndGate.thenRun(() -> end(from, e, false));
            } else if (m instanceof WriteEndSync e) {
                writeEnds.incrementAndGet();
                syncedEnds.incrementAndGet();
                writeEndArrived.complete(null);
                writeEndGate.thenRun(() -> end(from, e.end(), true));
            }
        }

        @Override
        public void onClose(Peer peer) {
            if (next != null) {
                next.thenAccept(Peer::close);
            }
        }

        private void init(Peer from, WriteInit w) {
            chunkId = w.chunkId();
            version = w.version();
            if (!has(w.chunkId(), w.version())) {
                from.send(new WriteReply(w.msgId(), chunks.containsKey(w.chunkId()) ? Status.WRONG_VERSION
                        : Status.NO_SUCH_CHUNK));
                return;
            }
            List<ServerAddress> rest = w.chain();
            if (rest.isEmpty()) {
                from.send(new WriteReply(w.msgId(), Status.OK));
                return;
            }
            next = WireClient.connect(group, rest.get(0), ClientChunkProtocol.FAMILY, ClientChunkProtocol.FAMILY,
                    (p, msg) -> { }, 2000);
            sendOrder = new OrderedCalls(next);
            forward(from, w.msgId(), id -> new WriteInit(id, w.chunkId(), w.version(), rest.subList(1, rest.size())),
                    Status.OK);
        }

        private void end(Peer from, WriteEnd e, boolean sync) {
            Chunk c = chunks.get(e.chunkId());
            boolean full;
            synchronized (c) {
                full = c.length == ChunkGeometry.CHUNK_SIZE;
            }
            Status refuse = full ? fullChunkEndFailure.getAndSet(null) : null;
            if (refuse != null) {
                from.send(new WriteReply(e.msgId(), refuse));
                return;
            }
            forward(from, e.msgId(), id -> sync ? new WriteEndSync(new WriteEnd(id, e.chunkId()))
                    : new WriteEnd(id, e.chunkId()), Status.OK);
        }

        private void data(Peer from, WriteData w) {
            // the message is released once this returns: keep the bytes in an array of our own
            byte[] bytes = ByteBufUtil.getBytes(w.data());
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            if ((int) crc.getValue() != w.crc32c()) {
                from.send(new WriteReply(w.msgId(), Status.CRC_ERROR));
                return;
            }
            Chunk c = chunks.get(w.chunkId());
            if (c == null || w.chunkId() != chunkId || !has(chunkId, version)) {
                from.send(new WriteReply(w.msgId(), Status.NO_SUCH_CHUNK));
                return;
            }
            store(c, w.offset(), bytes);
            forward(from, w.msgId(), id -> WriteData.of(id, w.chunkId(), w.offset(), w.crc32c(), bytes), Status.OK);
        }

        /** Answers {@code msgId} with {@code local} combined with the next server's answer, if any. */
        private void forward(Peer from, int msgId, java.util.function.IntFunction<Message> req, Status local) {
            if (next == null) {
                from.send(new WriteReply(msgId, local));
                return;
            }
            CompletableFuture<WriteReply> reply = sendOrder.call(req, WriteReply.class, 5000);
            reply.whenComplete((r, e) -> {
                Status s = e != null ? statusOf(e) : r.status();
                from.send(new WriteReply(msgId, s));
            });
        }
    }

    private static Status statusOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof MfsException)) {
            t = t.getCause();
        }
        return t instanceof MfsException m ? m.status() : Status.DISCONNECTED;
    }

    private Status sync(ChunkSync.Chunk asked) {
        Chunk c = chunks.get(asked.id());
        if (c == null) {
            return Status.NO_SUCH_CHUNK;
        }
        synchronized (c) {
            return Integer.compareUnsigned(c.version, asked.version()) >= 0 ? Status.OK : Status.WRONG_VERSION;
        }
    }

    private ReadReply read(ReadBlocks r) {
        if (readFailure != null) {
            return new ReadReply(r.msgId(), readFailure, new byte[0]);
        }
        Chunk c = chunks.get(r.chunkId());
        if (c == null) {
            return new ReadReply(r.msgId(), Status.NO_SUCH_CHUNK, new byte[0]);
        }
        synchronized (c) {
            if (c.version != r.version()) {
                return new ReadReply(r.msgId(), Status.WRONG_VERSION, new byte[0]);
            }
            int from = Math.min(r.offset(), c.length);
            int to = Math.min(c.length, r.offset() + r.length());
            return new ReadReply(r.msgId(), Status.OK, Arrays.copyOfRange(c.data, from, to));
        }
    }

    private static void store(Chunk c, int offset, byte[] data) {
        synchronized (c) {
            int end = offset + data.length;
            if (end > c.data.length) {
                c.data = Arrays.copyOf(c.data, Math.max(end, Math.min(64 << 20, c.data.length * 2)));
            }
            System.arraycopy(data, 0, c.data, offset, data.length);
            c.length = Math.max(c.length, end);
        }
    }
}
