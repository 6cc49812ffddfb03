package org.mfsj.chunkserver.net;

import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.chunk2chunk.ReplicaRead;
import org.mfsj.common.wire.client2chunk.ChunkSync;
import org.mfsj.common.wire.client2chunk.ForceStats;
import org.mfsj.common.wire.client2chunk.ReadBlocks;
import org.mfsj.common.wire.client2chunk.WriteData;
import org.mfsj.common.wire.client2chunk.WriteEnd;
import org.mfsj.common.wire.client2chunk.WriteEndSync;
import org.mfsj.common.wire.client2chunk.WriteInit;
import org.mfsj.common.wire.client2chunk.WriteInitNew;
import org.mfsj.common.wire.client2chunk.WriteReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One data-port connection: dispatches each request to its operation. Runs on the connection's
 * event loop, so the current write session needs no lock; the operations hand disk work to the
 * I/O pool. A connection holds at most one write session at a time; a new WriteInit replaces it.
 */
final class DataHandler implements Peer.Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(DataHandler.class);

    private final DataServices services;
    private final ReadBlocksOp readBlocks;
    private final ReplicaReadOp replicaRead;
    private final ChunkSyncOp chunkSync;
    private WriteSession session;

    DataHandler(DataServices services) {
        this.services = services;
        this.readBlocks = new ReadBlocksOp(services);
        this.replicaRead = new ReplicaReadOp(services);
        this.chunkSync = new ChunkSyncOp(services);
    }

    @Override
    public void onMessage(Peer from, Message m) {
        if (m instanceof ReadBlocks r) {
            readBlocks.run(from, r);
        } else if (m instanceof WriteData w) {
            if (session == null) {
                from.send(new WriteReply(w.msgId(), Status.EINVAL));
            } else {
                session.data(w);
            }
        } else if (m instanceof WriteInit w) {
            startSession(from, w, false);
        } else if (m instanceof WriteInitNew w) {
            startSession(from, w.init(), true);
        } else if (m instanceof WriteEnd w) {
            endSession(from, w.msgId(), w.chunkId(), false);
        } else if (m instanceof WriteEndSync w) {
            endSession(from, w.msgId(), w.end().chunkId(), true);
        } else if (m instanceof ReplicaRead r) {
            replicaRead.run(from, r);
        } else if (m instanceof ChunkSync c) {
            chunkSync.run(from, c);
        } else if (m instanceof ForceStats f) {
            from.send(services.forcer().stats(f.msgId()));
        } else {
            // only requests reach here (Peer keeps replies); one that is none of ours is a protocol error
            LOG.warn("closing data connection from {}: unexpected {}", from.remote(), m.getClass().getSimpleName());
            from.close();
        }
    }

    private void startSession(Peer from, WriteInit w, boolean create) {
        if (session != null) {
            session.abandon("replaced by a new WriteInit");
        }
        session = new WriteSession(services, from, w.chunkId(), w.version());
        session.init(w, create);
    }

    private void endSession(Peer from, int msgId, long chunkId, boolean sync) {
        if (session == null) {
            from.send(new WriteReply(msgId, Status.EINVAL));
        } else {
            session.end(msgId, chunkId, sync);
            session = null;
        }
    }

    @Override
    public void onClose(Peer peer) {
        if (session != null) {
            session.abandon("upstream " + peer.remote() + " disconnected");
            session = null;
        }
    }
}
