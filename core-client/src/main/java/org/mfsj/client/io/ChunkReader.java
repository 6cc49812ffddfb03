package org.mfsj.client.io;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mfsj.client.ClientMetrics;
import org.mfsj.client.cache.ChunkLocation;
import org.mfsj.client.master.Futures;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ServerAddress;
import org.mfsj.common.wire.client2chunk.ReadBlocks;
import org.mfsj.common.wire.client2chunk.ReadReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a range of one chunk from any of its copies, without blocking a thread. A copy that fails
 * (bad CRC, stale version, gone, silent) hands over to the next; when every copy failed, the
 * location is dropped and the master asked again (it may know new copies by then), a few times
 * with growing pauses, before the read fails with EIO.
 */
public final class ChunkReader {
    /** Largest ReadBlocks a chunkserver answers. */
    public static final int MAX_READ = ReadReply.MAX_DATA;
    private static final Logger LOG = LoggerFactory.getLogger(ChunkReader.class);
    private static final byte[] NOTHING = new byte[0];
    private static final int MASTER_ROUNDS = 4;
    private static final long FIRST_PAUSE_MS = 100;

    private final ChunkLocator locator;
    private final ChunkConnections conns;
    private final ScheduledExecutorService timer;
    private final ClientMetrics metrics;
    private final long timeoutMs;

    public ChunkReader(ChunkLocator locator, ChunkConnections conns, ScheduledExecutorService timer,
                       ClientMetrics metrics, long timeoutMs) {
        this.locator = locator;
        this.conns = conns;
        this.timer = timer;
        this.metrics = metrics;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Bytes {@code [offset, offset+length)} of chunk {@code index}; shorter when the chunk's stored
     * data ends earlier, empty for a hole. {@code length} is at most {@link #MAX_READ}.
     */
    public CompletableFuture<byte[]> read(long inode, int index, int offset, int length) {
        if (length > MAX_READ) {
            throw new IllegalArgumentException("read of " + length + " bytes exceeds " + MAX_READ);
        }
        Attempt a = new Attempt(inode, index, offset, length);
        a.round(0, null);
        return a.result;
    }

    /** One read's walk over copies and master rounds. */
    private final class Attempt {
        final long inode;
        final int index;
        final int offset;
        final int length;
        final CompletableFuture<byte[]> result = new CompletableFuture<>();
        /** Whether every copy tried in this round answered WRONG_VERSION. */
        volatile boolean staleOnly;

        Attempt(long inode, int index, int offset, int length) {
            this.inode = inode;
            this.index = index;
            this.offset = offset;
            this.length = length;
        }

        void round(int n, MfsException last) {
            if (n == MASTER_ROUNDS) {
                result.completeExceptionally(new MfsException(Status.EIO, "chunk " + index + " of inode " + inode
                        + ": every copy failed in " + n + " rounds; last: " + last.getMessage(), last));
                return;
            }
            locator.locate(inode, index).whenComplete((loc, err) -> {
                if (err != null) {
                    fail(err);
                } else if (loc.isHole()) {
                    result.complete(NOTHING);
                } else {
                    tryCopy(n, loc, 0, last);
                }
            });
        }

        /** {@code previous}: why the last copy tried failed, null before any did (an exception is built only when needed). */
        void tryCopy(int n, ChunkLocation loc, int i, MfsException previous) {
            if (i >= loc.locations().size()) {
                MfsException last = previous != null ? previous
                        : new MfsException(Status.NO_CHUNKSERVERS, "master lists no copy");
                locator.forget(loc);
                if (staleOnly && n == 0) {
                    // every copy has moved on to a newer version (a write we raced): just ask again
                    round(n + 1, last);
                } else {
                    try {
                        timer.schedule(() -> round(n + 1, last), FIRST_PAUSE_MS << n, TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException closing) {
                        result.completeExceptionally(new MfsException(Status.EBADF, "client is closed"));
                    }
                }
                return;
            }
            if (i == 0) {
                staleOnly = true;
            }
            ServerAddress server = loc.locations().get(i);
            metrics.chunkRead();
            conns.shared(server)
                    .thenCompose(p -> p.call(id -> new ReadBlocks(id, loc.chunkId(), loc.version(), offset, length),
                            ReadReply.class, timeoutMs))
                    .whenComplete((r, err) -> {
                        if (err == null && r.status().isOk()) {
                            result.complete(r.data());
                            return;
                        }
                        MfsException why = err != null ? asMfs(err, server)
                                : new MfsException(r.status(), "chunkserver " + server + ": " + r.status().message());
                        if (why.status() == Status.WRONG_VERSION) {
                            LOG.debug("chunk {} v{} (index {} of inode {}) at {} has a newer version",
                                    loc.chunkId(), loc.version(), index, inode, server);
                        } else {
                            staleOnly = false;
                            LOG.warn("read of chunk {} v{} (index {} of inode {}) from {} failed: {}; trying the next copy",
                                    loc.chunkId(), loc.version(), index, inode, server, why.status());
                        }
                        metrics.replicaFailover();
                        // the next read asks the master afresh: it may have dropped this copy by then
                        locator.forget(loc);
                        tryCopy(n, loc, i + 1, why);
                    });
        }

        private void fail(Throwable err) {
            try {
                result.completeExceptionally(Futures.unwrap(err, "locate chunk " + index + " of inode " + inode));
            } catch (RuntimeException bug) {
                result.completeExceptionally(bug);
            }
        }

        private MfsException asMfs(Throwable err, ServerAddress server) {
            try {
                return Futures.unwrap(err, "read from chunkserver " + server);
            } catch (RuntimeException e) {
                // e.g. the pool refusing because the client is closing: still a failed copy
                return new MfsException(Status.DISCONNECTED, "chunkserver " + server + ": " + e, e);
            }
        }
    }
}
