package org.mfsj.client.io;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.wire.client2master.AttrsAtEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends one chunk write session off the writer thread: waits for the last acknowledgements, has
 * the chain flush (WriteEnd) and the master record it (WriteChunkEnd), then lets the batch leave
 * the buffer. Meanwhile the writer streams the next chunk, so the chain is not idle while fsync
 * and three round trips run. A failure only ends the session; the batch stays buffered and the
 * writer decides, in {@link #await}, whether to redo it on a new chain or to give up.
 */
final class BackgroundFinish implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundFinish.class);

    private final ChunkBatch batch;
    private final ChunkWriteSession session;
    private final OpenFile file;
    private final WriteBuffer buffer;
    private final boolean sync;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** Attributes a flush has this end set too (tar's times), null when none. */
    private AttrsAtEnd then;

    private BackgroundFinish(ChunkBatch batch, OpenFile file, WriteBuffer buffer, boolean sync) {
        this.batch = batch;
        this.session = batch.session();
        this.file = file;
        this.buffer = buffer;
        this.sync = sync;
    }

    /**
     * Hands {@code batch}, whose session holds all its extents, to a thread of {@code workers};
     * with {@code sync} the chain forces the chunk to disk as the session ends.
     */
    static BackgroundFinish start(Executor workers, ChunkBatch batch, OpenFile file, WriteBuffer buffer,
                                  boolean sync) {
        BackgroundFinish f = new BackgroundFinish(batch, file, buffer, sync);
        try {
            workers.execute(f);
        } catch (RejectedExecutionException e) {
            // the client is closing: finish here rather than leave the data unrecorded
            f.run();
        }
        return f;
    }

    ChunkBatch batch() {
        return batch;
    }

    /** The session being ended (after a failure, the aborted one). */
    ChunkWriteSession session() {
        return session;
    }

    boolean isDone() {
        return done.isDone();
    }

    @Override
    public void run() {
        ChunkWriteSession s = session;
        then = buffer.takeAttrsAtEnd(batch.extents());
        try {
            Attr a = s.finish(sync, then);
            if (then != null) {
                buffer.attrsAtEndSet(then, a);
            }
            // length first, then release: a reader never sees the file shorter than its writes
            file.recordedLength(a.length());
            buffer.release(batch.extents());
            done.complete(null);
        } catch (ChainBrokenException e) {
            endFailed(s, e.status(), e);
        } catch (MfsException e) {
            endFailed(s, e.status(), e);
        } catch (RuntimeException | Error e) {
            LOG.error("finishing chunk {} of inode {} failed", batch.index(), file.inode(), e);
            endFailed(s, Status.EIO, new MfsException(Status.EIO, "finishing chunk " + batch.index() + " of inode "
                    + file.inode() + " failed: " + e, e));
        } finally {
            // the writer may be waiting for data while this outcome needs handling
            buffer.nudgeWriter();
        }
    }

    private void endFailed(ChunkWriteSession s, Status why, Exception e) {
        if (then != null) {
            // the flush that waits sends them after the redo, on their own
            buffer.attrsAtEndSet(null, null);
        }
        batch.session(null);
        s.abort(why);
        done.completeExceptionally(e);
    }

    /**
     * Waits for the outcome: null when the master recorded the batch, the broken chain when it has
     * to be redone (its session is already aborted); a final failure is thrown.
     */
    ChainBrokenException await() throws MfsException, InterruptedException {
        try {
            done.get();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChainBrokenException broken) {
                return broken;
            }
            throw (MfsException) e.getCause();
        }
    }
}
