package org.mfsj.client.io;

import java.util.concurrent.TimeUnit;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.Creds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one file's write-back buffer to the chunkservers, on a worker thread that exists only
 * while the file has data to send. It keeps one chunk write session open while the data stays in
 * the same chunk (each new session bumps the chunk version on every server), taking that chunk's
 * buffered extents ahead of other chunks' ones, and closes it when no extent of that chunk is
 * ready and another is, when a flush waits, when it holds half the buffer, or after a second of
 * quiet.
 *
 * <p>Closing hands the session to a {@link BackgroundFinish}, so the next chunk streams while the
 * chain flushes and the master records the last one. At most one session finishes in the
 * background: handing over the next one waits for it, which also keeps the master recording a
 * file's chunks in the order they were written. A session on the chunk still finishing waits for
 * that finish, so two sessions never overlap on one chunk.
 *
 * <p>Everything a session sent stays buffered until the master recorded the session. When the
 * chain breaks, in the foreground or while finishing, the session is reported failed to the master
 * and its data sent again on the chain the master picks next, so no acknowledged write is lost;
 * after {@link #MAX_ATTEMPTS} broken chains in a row the data is dropped and the error kept for
 * the application's next call.
 */
final class FileWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FileWriter.class);
    static final long IDLE_CLOSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_ATTEMPTS = 10;
    private static final long FIRST_PAUSE_MS = 50;
    private static final long MAX_PAUSE_MS = 2000;

    /** A step to run once the session has every extent of the batch. */
    @FunctionalInterface
    private interface Step<T> {
        T run(ChunkWriteSession s) throws ChainBrokenException, MfsException;
    }

    private final WriteContext ctx;
    private final OpenFile file;
    private final WriteBuffer buffer;
    private volatile Creds creds = Creds.ROOT;
    // the rest belongs to the worker thread
    /** The batch being streamed, null between sessions. */
    private ChunkBatch current;
    /** The batch whose session is ending in the background, null when none is. */
    private BackgroundFinish finishing;
    private long lastSendNanos;

    FileWriter(WriteContext ctx, OpenFile file, WriteBuffer buffer) {
        this.ctx = ctx;
        this.file = file;
        this.buffer = buffer;
    }

    /** Whose permissions open chunks for writing: the last writer's. */
    void writingAs(Creds c) {
        creds = c;
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (InterruptedException e) {
            // the client is closing; anything still here was not flushed and cannot be any more
            Thread.currentThread().interrupt();
            if (current != null || finishing != null || buffer.hasData()) {
                dropAll(new MfsException(Status.EIO, "writer of inode " + file.inode() + " interrupted"));
            }
            buffer.workerDied();
        } catch (RuntimeException | Error e) {
            LOG.error("writer of inode {} died", file.inode(), e);
            dropAll(new MfsException(Status.EIO, "writer of inode " + file.inode() + " failed: " + e, e));
            buffer.workerDied();
            throw e;
        }
    }

    private void loop() throws InterruptedException {
        while (true) {
            try {
                settle(false);
                // nothing held and nothing queued: stop now rather than idle on a thread
                if (current == null && finishing == null && buffer.retireIfIdle()) {
                    file.writerIdle();
                    return;
                }
                long wait = current == null ? IDLE_CLOSE_NANOS
                        : IDLE_CLOSE_NANOS - (System.nanoTime() - lastSendNanos);
                Extent e = buffer.take(Math.max(wait, 0), current == null ? -1 : current.index());
                if (e != null) {
                    send(e);
                } else if (current != null && (buffer.flushWanted()
                        || System.nanoTime() - lastSendNanos >= IDLE_CLOSE_NANOS)) {
                    closeSession();
                } else if (current == null && buffer.flushWanted()) {
                    // a flush waits for the background finish alone: wait with it instead of spinning
                    settle(true);
                }
            } catch (MfsException failure) {
                dropAll(failure);
            }
        }
    }

    private void send(Extent e) throws MfsException, InterruptedException {
        int idx = ChunkGeometry.chunkIndex(e.offset());
        // half the buffer per session leaves the other half for the next chunk while one finishes; with a
        // buffer of one chunk that splits each chunk in two, and the split inside a chunk ends in the
        // foreground (a session on the same chunk has to wait for it), the one at the boundary does not
        if (current != null && (idx != current.index() || current.bytes() >= ctx.bufferBytes() / 2)) {
            closeSession();
        }
        if (current == null) {
            if (finishing != null && finishing.batch().index() == idx) {
                // the master would make a second session on this chunk wait anyway, and a redo must come first
                settle(true);
            }
            current = new ChunkBatch(idx);
        }
        current.add(e);
        withChain(current, 1, s -> null);
        lastSendNanos = System.nanoTime();
    }

    /** Hands the current session to the background once the previous one has been settled. */
    private void closeSession() throws MfsException, InterruptedException {
        settle(true);
        // every extent is sent before the hand-over: the finisher only ends the session
        withChain(current, 1, s -> null);
        ChunkBatch b = current;
        current = null;
        // an fsync waiting for this session has the chain force it as it ends: no sync round trip after
        finishing = BackgroundFinish.start(ctx.workers(), b, file, buffer, buffer.syncWanted());
    }

    /**
     * Deals with the background finish if it is over (or, when {@code wait}, once it is): nothing
     * to do when it succeeded, a redo in the foreground when its chain broke, and a final failure
     * thrown.
     */
    private void settle(boolean wait) throws MfsException, InterruptedException {
        BackgroundFinish f = finishing;
        if (f == null || (!wait && !f.isDone())) {
            return;
        }
        ChainBrokenException broken;
        try {
            broken = f.await();
        } finally {
            finishing = null;
        }
        if (broken != null) {
            ChunkBatch b = f.batch();
            pauseBeforeRedo(b, f.session(), broken, 1);
            Attr a = withChain(b, 2, s -> s.finish(false));
            file.recordedLength(a.length());
            buffer.release(b.extents());
        }
    }

    /**
     * Makes sure a session holds every extent of {@code b}, then runs {@code step}; a broken chain
     * is reported to the master and the whole batch sent again on a new one.
     */
    private <T> T withChain(ChunkBatch b, int firstAttempt, Step<T> step) throws MfsException, InterruptedException {
        for (int attempt = firstAttempt; ; attempt++) {
            try {
                ChunkWriteSession s = b.session();
                if (s == null) {
                    s = ChunkWriteSession.open(ctx, creds, file.inode(), b.index());
                    b.session(s);
                    s.connect();
                }
                while (s.sent() < b.extents().size()) {
                    s.send(b.extents().get(s.sent()));
                }
                return step.run(s);
            } catch (ChainBrokenException broken) {
                ChunkWriteSession failed = b.session();
                b.session(null);
                if (failed != null) {
                    failed.abort(broken.status());
                }
                pauseBeforeRedo(b, failed, broken, attempt);
            }
        }
    }

    /** Counts a broken chain; gives up after {@link #MAX_ATTEMPTS}, else waits a growing pause. */
    private void pauseBeforeRedo(ChunkBatch b, ChunkWriteSession failed, ChainBrokenException broken, int attempt)
            throws MfsException, InterruptedException {
        if (attempt >= MAX_ATTEMPTS) {
            throw new MfsException(Status.EIO, "chunk " + b.index() + " of inode " + file.inode()
                    + ": gave up after " + attempt + " broken chains; last: " + broken.getMessage());
        }
        ctx.metrics().writeRedo();
        LOG.warn("write of chunk {} (index {} of inode {}) on {} broke: {}; redoing {} bytes on a new chain",
                failed == null ? "-" : failed.chunkId(), b.index(), file.inode(),
                failed == null ? "-" : failed.chain(), broken.status(), b.bytes());
        Thread.sleep(Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS << Math.min(attempt - 1, 10)));
    }

    private void dropAll(MfsException why) {
        LOG.warn("write to inode {} failed, dropping its buffered data: {}", file.inode(), why.getMessage());
        if (current != null && current.session() != null) {
            current.session().abort(why.status());
        }
        current = null;
        awaitFinishing();
        buffer.fail(why);
    }

    /** Lets a background finish end before its data is dropped; it aborts its own session if it fails. */
    private void awaitFinishing() {
        BackgroundFinish f = finishing;
        finishing = null;
        if (f == null || Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            f.await();
        } catch (MfsException ignored) {
            // already on its way to the application, or superseded by the error being dropped for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
