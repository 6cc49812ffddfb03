package org.mfsj.chunkserver.net;

import io.netty.channel.EventLoopGroup;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.mfsj.chunkserver.ChunkReader;
import org.mfsj.chunkserver.MasterReports;
import org.mfsj.chunkserver.force.ChunkForcer;
import org.mfsj.chunkserver.store.ChunkStore;
import org.mfsj.common.wire.LeasedPeers;

/**
 * What the data port's handlers work with: nothing more is passed around.
 *
 * @param store the chunks
 * @param reader reads that handle damaged copies
 * @param forcer when written chunks are forced to disk
 * @param workers the I/O pool; store calls never run on event-loop threads
 * @param group event loops for connections down a write chain
 * @param timeoutMillis how long to wait for the next server of a chain
 * @param downstreams connections to the next servers of chains, kept between write sessions
 * @param reports what the master hears of copies made here without its order (a chain's WriteInitNew)
 */
public record DataServices(ChunkStore store, ChunkReader reader, ChunkForcer forcer, Executor workers,
                           EventLoopGroup group, int timeoutMillis, LeasedPeers downstreams,
                           MasterReports reports) {
    public DataServices {
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(forcer, "forcer");
        Objects.requireNonNull(workers, "workers");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(downstreams, "downstreams");
    }
}
