package org.mfsj.chunkserver.net;

import java.util.concurrent.RejectedExecutionException;
import org.mfsj.chunkserver.ChunkIds;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2chunk.ReadBlocks;
import org.mfsj.common.wire.client2chunk.ReadReply;
import org.mfsj.common.wire.client2chunk.ReadReplyFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A client reads part of a chunk: up to 4 MiB, short at the end of the data, every block CRC-checked. */
final class ReadBlocksOp {
    private static final Logger LOG = LoggerFactory.getLogger(ReadBlocksOp.class);
    private static final byte[] NOTHING = new byte[0];

    private final DataServices services;

    ReadBlocksOp(DataServices services) {
        this.services = services;
    }

    void run(Peer from, ReadBlocks r) {
        if (r.length() < 0 || r.length() > ReadReply.MAX_DATA) {
            // refused rather than cut short: a short answer means "end of data" to the client
            from.send(new ReadReply(r.msgId(), Status.OUT_OF_RANGE, NOTHING));
            return;
        }
        try {
            services.workers().execute(() -> read(from, r));
        } catch (RejectedExecutionException e) {
            from.send(new ReadReply(r.msgId(), Status.EIO, NOTHING));
        }
    }

    /** Reads straight into the reply's frame: no array per read, no copy by the encoder. */
    private void read(Peer from, ReadBlocks r) {
        ReadReplyFrame frame = new ReadReplyFrame(r.msgId(), r.length());
        boolean sent = false;
        try {
            int n = services.reader().read(r.chunkId(), r.version(), r.offset(), frame.data(), "client " + from.remote());
            from.sendFrame(frame.finish(n));
            sent = true;
        } catch (MfsException e) {
            LOG.debug("read of chunk {} v{} at {}+{} for {}: {}", ChunkIds.hex(r.chunkId()), r.version(),
                    r.offset(), r.length(), from.remote(), e.getMessage());
            from.send(new ReadReply(r.msgId(), e.status(), NOTHING));
        } finally {
            if (!sent) {
                frame.release();
            }
        }
    }
}
