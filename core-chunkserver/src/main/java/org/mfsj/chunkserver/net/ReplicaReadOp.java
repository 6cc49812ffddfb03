package org.mfsj.chunkserver.net;

import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import org.mfsj.chunkserver.ChunkIds;
import org.mfsj.chunkserver.store.ChunkInfo;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.chunk2chunk.ReplicaRead;
import org.mfsj.common.wire.chunk2chunk.ReplicaReadReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Another chunkserver copies one of our chunks: a piece of the data plus the chunk's whole length,
 * so the copier knows how many pieces to ask for. Checked like any read.
 */
final class ReplicaReadOp {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaReadOp.class);
    private static final byte[] NOTHING = new byte[0];

    private final DataServices services;

    ReplicaReadOp(DataServices services) {
        this.services = services;
    }

    void run(Peer from, ReplicaRead r) {
        if (r.length() < 0 || r.length() > ReplicaReadReply.MAX_DATA) {
            from.send(new ReplicaReadReply(r.msgId(), Status.OUT_OF_RANGE, 0, NOTHING));
            return;
        }
        try {
            services.workers().execute(() -> from.send(read(from, r)));
        } catch (RejectedExecutionException e) {
            from.send(new ReplicaReadReply(r.msgId(), Status.EIO, 0, NOTHING));
        }
    }

    private ReplicaReadReply read(Peer from, ReplicaRead r) {
        try {
            ChunkInfo info = services.store().info(r.chunkId());
            if (info.version() != r.version()) {
                throw new MfsException(Status.WRONG_VERSION, "chunk " + ChunkIds.hex(r.chunkId()) + " is version "
                        + info.version() + ", not " + r.version());
            }
            byte[] buf = new byte[r.length()];
            int n = services.reader().read(r.chunkId(), r.version(), r.offset(), buf, 0, r.length(),
                    "chunkserver " + from.remote());
            return new ReplicaReadReply(r.msgId(), Status.OK, (int) info.length(),
                    n == buf.length ? buf : Arrays.copyOf(buf, n));
        } catch (MfsException e) {
            LOG.info("replica read of chunk {} v{} at {} by {}: {}", ChunkIds.hex(r.chunkId()), r.version(),
                    r.offset(), from.remote(), e.getMessage());
            return new ReplicaReadReply(r.msgId(), e.status(), 0, NOTHING);
        }
    }
}
