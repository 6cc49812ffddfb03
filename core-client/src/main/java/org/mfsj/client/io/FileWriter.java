package org.mfsj.client.io;

import java.util.ArrayList;
import java.util.List;
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
 * the same chunk (each new session bumps the chunk version on every server), and closes it at the
 * chunk boundary, when a flush waits, when it holds half the buffer, or after a second of quiet.
 *
 * <p>Everything a session sent stays buffered until the master recorded the session. When the
 * chain breaks, the session is reported failed to the master and its data sent again on the chain
 * the master picks next, so no acknowledged write is lost; after {@link #MAX_ATTEMPTS} broken
 * chains in a row the data is dropped and the error kept for the application's next call.
 */
final class FileWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(FileWriter.class);
    static final long IDLE_CLOSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_ATTEMPTS = 10;
    private static final long FIRST_PAUSE_MS = 50;
    private static final long MAX_PAUSE_MS = 2000;

    /** A step to run once the session has every retained extent. */
    @FunctionalInterface
    private interface Step<T> {
        T run(ChunkWriteSession s) throws ChainBrokenException, MfsException;
    }

    private final WriteContext ctx;
    private final OpenFile file;
    private final WriteBuffer buffer;
    private volatile Creds creds = Creds.ROOT;
    // the rest belongs to the worker thread
    private ChunkWriteSession session;
    private int index = -1;
    private final List<Extent> retained = new ArrayList<>();
    private long retainedBytes;
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
            if (!retained.isEmpty() || buffer.hasData()) {
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
            // nothing held and nothing queued: stop now rather than idle on a thread
            if (retained.isEmpty() && buffer.retireIfIdle()) {
                file.writerIdle();
                return;
            }
            long wait = session == null ? IDLE_CLOSE_NANOS
                    : IDLE_CLOSE_NANOS - (System.nanoTime() - lastSendNanos);
            Extent e = buffer.take(Math.max(wait, 0));
            try {
                if (e != null) {
                    send(e);
                } else if (!retained.isEmpty() && (buffer.flushWanted()
                        || System.nanoTime() - lastSendNanos >= IDLE_CLOSE_NANOS)) {
                    closeSession();
                }
            } catch (MfsException failure) {
                dropAll(failure);
            }
        }
    }

    private void send(Extent e) throws MfsException, InterruptedException {
        int idx = ChunkGeometry.chunkIndex(e.offset());
        if (!retained.isEmpty() && (idx != index || retainedBytes >= ctx.bufferBytes() / 2)) {
            closeSession();
        }
        index = idx;
        retained.add(e);
        retainedBytes += e.length();
        withChain(s -> null);
        lastSendNanos = System.nanoTime();
    }

    /** Ends the session on the chain and with the master, then lets its data leave the buffer. */
    private void closeSession() throws MfsException, InterruptedException {
        Attr a = withChain(ChunkWriteSession::finish);
        session = null;
        // length first, then release: a reader never sees the file shorter than its writes
        file.recordedLength(a.length());
        buffer.release(retained);
        retained.clear();
        retainedBytes = 0;
    }

    /**
     * Makes sure a session holds every retained extent, then runs {@code step}; a broken chain is
     * reported to the master and everything retained sent again on a new one.
     */
    private <T> T withChain(Step<T> step) throws MfsException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (session == null) {
                    ChunkWriteSession s = ChunkWriteSession.open(ctx, creds, file.inode(), index);
                    session = s;
                    s.connect();
                }
                while (session.sent() < retained.size()) {
                    session.send(retained.get(session.sent()));
                }
                return step.run(session);
            } catch (ChainBrokenException broken) {
                ChunkWriteSession failed = session;
                session = null;
                if (failed != null) {
                    failed.abort(broken.status());
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw new MfsException(Status.EIO, "chunk " + index + " of inode " + file.inode()
                            + ": gave up after " + attempt + " broken chains; last: " + broken.getMessage());
                }
                ctx.metrics().writeRedo();
                LOG.warn("write of chunk {} (index {} of inode {}) on {} broke: {}; redoing {} bytes on a new chain",
                        failed == null ? "-" : failed.chunkId(), index, file.inode(),
                        failed == null ? "-" : failed.chain(), broken.status(), retainedBytes);
                Thread.sleep(Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS << Math.min(attempt - 1, 10)));
            }
        }
    }

    private void dropAll(MfsException why) {
        LOG.warn("write to inode {} failed, dropping its buffered data: {}", file.inode(), why.getMessage());
        if (session != null) {
            session.abort(why.status());
            session = null;
        }
        retained.clear();
        retainedBytes = 0;
        buffer.fail(why);
    }
}
