package org.mfsj.client.io;

import java.util.concurrent.Executor;
import org.mfsj.client.ClientMetrics;
import org.mfsj.client.cache.ChunkLocationCache;
import org.mfsj.client.master.MasterCalls;

/**
 * What every file's writer shares: the master, the chunkserver pool, the location cache (writes
 * change versions), and the limits.
 *
 * @param bufferBytes write-back budget per file
 * @param windowBytes WriteData bytes in flight per chain at most
 * @param timeoutMs   how long one chunkserver request may stay unanswered
 * @param workers     where each busy file's writer runs
 * @param fileSync    what fsync forces: every write session recorded by the master is noted there
 */
public record WriteContext(MasterCalls master, ChunkConnections conns, ChunkLocationCache cache,
                           ClientMetrics metrics, long bufferBytes, long windowBytes, long timeoutMs,
                           Executor workers, FileSync fileSync) {
    /** At most this much is pipelined on one chain, however large the buffer. */
    public static final long MAX_WINDOW = 16L << 20;

    public static long windowFor(long bufferBytes) {
        return Math.min(MAX_WINDOW, bufferBytes / 2);
    }
}
