package org.mfsj.chunkserver.master;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.mfsj.chunkserver.ChunkIds;
import org.mfsj.chunkserver.MasterReports;
import org.mfsj.chunkserver.StoreTasks;
import org.mfsj.chunkserver.replication.Replicator;
import org.mfsj.chunkserver.store.ChunkStore;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.chunk2master.CreateChunk;
import org.mfsj.common.wire.chunk2master.CsCommandReply;
import org.mfsj.common.wire.chunk2master.DeleteChunk;
import org.mfsj.common.wire.chunk2master.DuplicateChunk;
import org.mfsj.common.wire.chunk2master.ReplicateChunk;
import org.mfsj.common.wire.chunk2master.SetChunkVersion;
import org.mfsj.common.wire.chunk2master.TruncateChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the master's orders on one master connection. Every order runs off the event loop
 * (store calls on the I/O pool, replication asynchronously) and is answered with a
 * {@link CsCommandReply} carrying the order's message id and outcome.
 */
final class MasterOrders implements Peer.Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(MasterOrders.class);

    private final ChunkStore store;
    private final Executor workers;
    private final Replicator replicator;
    private final MasterReports reports;
    private final Consumer<Peer> closed;
    private final TermFence fence;
    /** The term the master on this connection registered us under; -1 until it did. */
    private volatile long term = -1;

    MasterOrders(ChunkStore store, Executor workers, Replicator replicator, MasterReports reports,
                 Consumer<Peer> closed, TermFence fence) {
        this.fence = fence;
        this.store = store;
        this.workers = workers;
        this.replicator = replicator;
        this.reports = reports;
        this.closed = closed;
    }

    /** The master on this connection registered us under {@code t} (on the event loop, before any order). */
    void bind(long t) {
        term = t;
    }

    @Override
    public void onMessage(Peer from, Message m) {
        long t = term;
        if (m.msgId() != 0 && (t < 0 || !fence.current(t))) {
            // a master of an older term was deposed (or never registered us): its orders could undo
            // the new leader's chunk versions; refused, and the connection goes so we find the leader
            LOG.warn("master {} (term {}) sent {}, but this chunkserver obeys term {} on: refused; looking for the"
                    + " leader", from.remote(), t, m.getClass().getSimpleName(), fence.highest());
            from.send(new CsCommandReply(m.msgId(), Status.NOT_LEADER));
            from.close();
            return;
        }
        if (m instanceof CreateChunk o) {
            answer(from, o.msgId(), "create chunk " + ChunkIds.hex(o.chunkId()) + " v" + o.version(),
                    StoreTasks.run(workers, () -> store.create(o.chunkId(), o.version())));
        } else if (m instanceof SetChunkVersion o) {
            answer(from, o.msgId(), "set version of chunk " + ChunkIds.hex(o.chunkId()) + " v" + o.oldVersion()
                    + " -> v" + o.newVersion(),
                    StoreTasks.run(workers, () -> store.setVersion(o.chunkId(), o.oldVersion(), o.newVersion())));
        } else if (m instanceof DeleteChunk o) {
            answer(from, o.msgId(), "delete chunk " + ChunkIds.hex(o.chunkId()) + " v" + o.version(),
                    StoreTasks.run(workers, () -> store.delete(o.chunkId(), o.version())));
        } else if (m instanceof TruncateChunk o) {
            answer(from, o.msgId(), "truncate chunk " + ChunkIds.hex(o.chunkId()) + " v" + o.oldVersion()
                    + " -> v" + o.newVersion() + " to " + o.length() + " bytes", StoreTasks.run(workers,
                            () -> store.truncate(o.chunkId(), o.oldVersion(), o.newVersion(), o.length())));
        } else if (m instanceof DuplicateChunk o) {
            answer(from, o.msgId(), "duplicate chunk " + ChunkIds.hex(o.chunkId()) + " v" + o.version() + " as "
                    + ChunkIds.hex(o.newChunkId()) + " v" + o.newVersion(), StoreTasks.run(workers,
                            () -> store.duplicate(o.chunkId(), o.version(), o.newChunkId(), o.newVersion())));
        } else if (m instanceof ReplicateChunk o) {
            CompletableFuture<Status> done = replicator.replicate(o.chunkId(), o.version(), o.source())
                    .thenApply(s -> {
                        if (s.isOk()) {
                            reports.chunkAdded(o.chunkId(), o.version());
                        }
                        return s;
                    });
            answer(from, o.msgId(), "replicate chunk " + ChunkIds.hex(o.chunkId()) + " v" + o.version()
                    + " from " + o.source(), done);
        } else {
            // registration and chunk reports only flow the other way
            LOG.warn("master {} sent {}, which is not an order; ignored", from.remote(), m.getClass().getSimpleName());
        }
    }

    private static void answer(Peer master, int msgId, String what, CompletableFuture<Status> outcome) {
        outcome.thenAccept(s -> {
            if (s.isOk()) {
                LOG.debug("master {}: {}: OK", master.remote(), what);
            } else {
                LOG.warn("master {}: {}: {}", master.remote(), what, s);
            }
            master.send(new CsCommandReply(msgId, s));
        });
    }

    @Override
    public void onClose(Peer peer) {
        closed.accept(peer);
    }
}
