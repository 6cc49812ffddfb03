package org.mfsj.client.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mfsj.client.master.Futures;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fsync for this client: a chunk write session ends with the data on every server of its chain
 * but not forced to disk (each server forces it within its CHUNK_FSYNC_DELAY_MS); fsync of an
 * inode asks every server holding a chunk written to it since its last fsync to force that chunk
 * now, and succeeds only if every one of them answers that it is on disk.
 *
 * <p>A copy that could not be forced (server gone, chunk dropped) fails that fsync with EIO, once,
 * as Linux reports a writeback error once: a retry then succeeds with the other copies forced, and
 * the master re-replicates the lost one. Chunks nobody fsyncs are asked for in the background once
 * {@link #SWEEP_AGE_NANOS} old, when their servers have long forced them (an answer costs no disk
 * I/O then); that bounds what is remembered here, and a failure found so is kept for the inode's
 * next fsync.
 */
public final class FileSync {
    private static final Logger LOG = LoggerFactory.getLogger(FileSync.class);
    /** Well past a chunkserver's default delay, so the background question finds the chunk forced. */
    static final long SWEEP_AGE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final WrittenChunks written = new WrittenChunks();
    private final ChunkSyncer syncer;
    private final LongSupplier nanoClock;

    public FileSync(ChunkConnections conns, long timeoutMs, LongSupplier nanoClock) {
        this.syncer = new ChunkSyncer(conns, timeoutMs);
        this.nanoClock = nanoClock;
    }

    /** The master recorded a write session of {@code inode} on chunk {@code chunkId} over {@code chain}. */
    void written(long inode, long chunkId, int version, List<ServerAddress> chain) {
        written.add(inode, chunkId, version, chain, nanoClock.getAsLong());
    }

    /** Returns once every copy of every chunk written to {@code inode} since its last fsync is on disk. */
    public void fsync(long inode) throws MfsException {
        List<WrittenChunks.Written> chunks = written.take(inode);
        List<String> failures = new ArrayList<>();
        try {
            try {
                failures.addAll(chunks.isEmpty() ? List.of() : syncer.sync(chunks));
            } finally {
                written.done(inode);
            }
            // a concurrent fsync or background sync may hold earlier chunks of this inode
            written.awaitNoneInFlight(inode);
        } catch (InterruptedException e) {
            // what was taken is not known to be forced: keep it for the next fsync
            chunks.forEach(w -> written.add(inode, w.chunkId(), w.version(), List.copyOf(w.servers()), w.sinceNanos()));
            throw Futures.interrupted("fsync of inode " + inode);
        }
        String earlier = written.takeFailure(inode);
        if (earlier != null) {
            failures.add(0, earlier);
        }
        if (!failures.isEmpty()) {
            LOG.warn("fsync of inode {}: {} copies not forced: {}", inode, failures.size(),
                    String.join("; ", failures));
            throw new MfsException(Status.EIO, "fsync of inode " + inode + ": not every copy reached disk ("
                    + String.join("; ", failures) + "); the master re-replicates lost copies from the others, "
                    + "fsync again to make sure of those");
        }
    }

    /** Asks about chunks written long ago and never fsynced; runs on a worker now and then. */
    public void sweep() {
        Map<Long, List<WrittenChunks.Written>> old = written.takeOlderThan(nanoClock.getAsLong() - SWEEP_AGE_NANOS);
        if (old.isEmpty()) {
            return;
        }
        List<WrittenChunks.Written> all = new ArrayList<>();
        old.values().forEach(all::addAll);
        try {
            if (!syncer.sync(all).isEmpty()) {
                // some failed: ask again per inode, so each failure goes to the inode it belongs to
                for (Map.Entry<Long, List<WrittenChunks.Written>> e : old.entrySet()) {
                    List<String> failures = syncer.sync(e.getValue());
                    if (!failures.isEmpty()) {
                        LOG.warn("background sync of inode {}: {}", e.getKey(), String.join("; ", failures));
                        written.failed(e.getKey(), String.join("; ", failures));
                    }
                }
            }
        } catch (InterruptedException e) {
            // the client is closing: nobody will fsync through it any more
            Thread.currentThread().interrupt();
        } finally {
            old.keySet().forEach(written::done);
        }
    }

    /** Chunks remembered now, for tests and metrics. */
    int remembered() {
        return written.size();
    }
}
