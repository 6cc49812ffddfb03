package org.mfsj.chunkserver;

import java.util.List;

/**
 * What the rest of the chunkserver tells the master about its chunks, as they happen. Calls never
 * block; with no master connected they are dropped, since registration reports the whole truth.
 */
public interface MasterReports {
    /** A copy appeared that the master did not order created (e.g. a finished replication). */
    void chunkAdded(long chunkId, int version);

    /** A copy failed its CRC check and has been removed. */
    void chunkDamaged(long chunkId, int version);

    /** Copies vanished with a failed disk. */
    void chunksLost(List<Long> chunkIds);
}
