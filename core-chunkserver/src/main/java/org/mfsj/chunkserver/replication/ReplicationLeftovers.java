package org.mfsj.chunkserver.replication;

import org.mfsj.chunkserver.ChunkIds;
import org.mfsj.chunkserver.store.ChunkInfo;
import org.mfsj.chunkserver.store.ChunkStore;
import org.mfsj.common.status.MfsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes copies that a replication left half made when the server stopped in the middle of it. */
public final class ReplicationLeftovers {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationLeftovers.class);

    private ReplicationLeftovers() {
    }

    /** Call at start-up, before registering: such copies must never be reported. Returns how many went. */
    public static int sweep(ChunkStore store) {
        int removed = 0;
        for (ChunkInfo c : store.chunks()) {
            if (c.version() != ReplicationJob.IN_PROGRESS) {
                continue;
            }
            try {
                store.delete(c.id(), ReplicationJob.IN_PROGRESS);
                removed++;
                LOG.info("removed chunk {}: an unfinished replication ({} bytes)", ChunkIds.hex(c.id()), c.length());
            } catch (MfsException e) {
                LOG.warn("could not remove unfinished replica of chunk {}: {}", ChunkIds.hex(c.id()), e.getMessage());
            }
        }
        return removed;
    }
}
