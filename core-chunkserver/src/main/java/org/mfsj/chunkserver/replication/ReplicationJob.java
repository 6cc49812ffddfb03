package org.mfsj.chunkserver.replication;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.zip.CRC32C;
import org.mfsj.chunkserver.ChunkIds;
import org.mfsj.chunkserver.StoreTasks;
import org.mfsj.chunkserver.Statuses;
import org.mfsj.chunkserver.store.ChunkStore;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.WireClient;
import org.mfsj.common.wire.chunk2chunk.ChunkChunkProtocol;
import org.mfsj.common.wire.chunk2chunk.ReplicaRead;
import org.mfsj.common.wire.chunk2chunk.ReplicaReadReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One copy of one chunk from another chunkserver: drop any local copy, create an empty one, pull
 * the data in pieces of up to 4 MiB with a few reads in flight, write each piece as it lands (with
 * its CRC32C), flush, and only then give it the ordered version. The first reply tells the
 * chunk's length, and with it how many pieces there are. On any failure the partial copy is
 * deleted.
 *
 * <p>Until it is complete the copy has version {@link #IN_PROGRESS}, which the master never
 * issues: a copy cut short by a crash can never pass for a good one, and the next start removes
 * it (see {@link ReplicationLeftovers}).
 */
final class ReplicationJob implements Peer.Inbound {
    static final int PIECE = ReplicaReadReply.MAX_DATA;
    /** Reads in flight at once: enough to keep the source's disk and the network busy. */
    static final int WINDOW = 4;
    /** The version of a copy still being made; the master's versions start at 1. */
    static final int IN_PROGRESS = 0;

    private static final Logger LOG = LoggerFactory.getLogger(ReplicationJob.class);

    private final ChunkStore store;
    private final Executor workers;
    private final EventLoopGroup group;
    private final int timeoutMillis;
    private final long chunkId;
    private final int version;
    private final ServerAddress source;
    /** The first outcome; later ones are ignored. */
    private final CompletableFuture<Status> outcome = new CompletableFuture<>();
    private volatile Peer peer;
    private volatile boolean created;
    // guarded by this
    private int length = -1;
    private int nextOffset;
    private int piecesLeft;

    ReplicationJob(ChunkStore store, Executor workers, EventLoopGroup group, int timeoutMillis, long chunkId,
                   int version, ServerAddress source) {
        this.store = store;
        this.workers = workers;
        this.group = group;
        this.timeoutMillis = timeoutMillis;
        this.chunkId = chunkId;
        this.version = version;
        this.source = source;
    }

    CompletableFuture<Status> run() {
        StoreTasks.run(workers, this::prepare).thenAccept(s -> {
            if (s.isOk()) {
                connect();
            } else {
                outcome.complete(s);
            }
        });
        return outcome.thenCompose(this::settle);
    }

    private void prepare() throws MfsException {
        try {
            store.delete(chunkId, 0);
        } catch (MfsException e) {
            if (e.status() != Status.NO_SUCH_CHUNK) {
                throw e;
            }
        }
        store.create(chunkId, IN_PROGRESS);
        created = true;
    }

    private void connect() {
        WireClient.connect(group, source, ChunkChunkProtocol.FAMILY, ChunkChunkProtocol.FAMILY, this, timeoutMillis)
                .whenComplete((p, e) -> {
                    if (e != null) {
                        outcome.complete(Statuses.of(e));
                        return;
                    }
                    peer = p;
                    if (outcome.isDone()) {
                        p.close();
                    } else {
                        request(0);
                    }
                });
    }

    private void request(int offset) {
        peer.call(id -> new ReplicaRead(id, chunkId, version, offset, PIECE), ReplicaReadReply.class, timeoutMillis)
                .whenComplete((r, e) -> received(offset, r, e));
    }

    private void received(int offset, ReplicaReadReply r, Throwable e) {
        if (outcome.isDone()) {
            return;
        }
        Status s = e != null ? Statuses.of(e) : r.status();
        if (!s.isOk()) {
            outcome.complete(s);
            return;
        }
        boolean first;
        synchronized (this) {
            first = length < 0;
            if (first) {
                if (r.chunkLength() < 0 || r.chunkLength() > ChunkGeometry.CHUNK_SIZE) {
                    outcome.complete(Status.PROTOCOL);
                    return;
                }
                length = r.chunkLength();
                piecesLeft = (int) (((long) length + PIECE - 1) / PIECE);
                nextOffset = PIECE;
            }
        }
        int expected = Math.max(0, Math.min(PIECE, length - offset));
        if (r.chunkLength() != length || r.data().length != expected) {
            // the source's copy changed under us (or lies): this copy would not be its copy
            outcome.complete(Status.EIO);
            return;
        }
        if (length == 0) {
            outcome.complete(Status.OK);
            return;
        }
        byte[] data = r.data();
        StoreTasks.run(workers, () -> store.write(chunkId, IN_PROGRESS, offset, data, 0, data.length, crc(data)))
                .thenAccept(this::written);
        if (first) {
            for (int i = 1; i < WINDOW; i++) {
                requestNext();
            }
        }
    }

    private void written(Status s) {
        if (!s.isOk()) {
            outcome.complete(s);
            return;
        }
        boolean done;
        synchronized (this) {
            done = --piecesLeft == 0;
        }
        if (done) {
            outcome.complete(Status.OK);
        } else {
            requestNext();
        }
    }

    private void requestNext() {
        int offset;
        synchronized (this) {
            if (outcome.isDone() || nextOffset >= length) {
                return;
            }
            offset = nextOffset;
            nextOffset += PIECE;
        }
        request(offset);
    }

    /** Closes the source connection, makes a good copy durable, removes a bad one. */
    private CompletableFuture<Status> settle(Status s) {
        Peer p = peer;
        if (p != null) {
            p.close();
        }
        CompletableFuture<Status> durable = s.isOk() ? StoreTasks.run(workers, this::complete)
                : CompletableFuture.completedFuture(s);
        return durable.thenCompose(d -> {
            if (d.isOk()) {
                LOG.info("replicated chunk {} v{} from {}: {} bytes", ChunkIds.hex(chunkId), version, source, length);
                return CompletableFuture.completedFuture(d);
            }
            LOG.warn("replication of chunk {} v{} from {} failed: {}", ChunkIds.hex(chunkId), version, source, d);
            if (!created) {
                return CompletableFuture.completedFuture(d);
            }
            return StoreTasks.run(workers, () -> store.delete(chunkId, IN_PROGRESS)).thenApply(x -> d);
        });
    }

    /** Data on disk first, then the version that makes the copy count. */
    private void complete() throws MfsException {
        store.flush(chunkId);
        if (version != IN_PROGRESS) {
            store.setVersion(chunkId, IN_PROGRESS, version);
        }
    }

    private static int crc(byte[] data) {
        CRC32C c = new CRC32C();
        c.update(data, 0, data.length);
        return (int) c.getValue();
    }

    @Override
    public void onMessage(Peer from, Message message) {
        // the source only answers our reads
        from.close();
    }
}
