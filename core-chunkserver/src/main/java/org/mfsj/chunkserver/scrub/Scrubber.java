package org.mfsj.chunkserver.scrub;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mfsj.chunkserver.ChunkIds;
import org.mfsj.chunkserver.ChunkReader;
import org.mfsj.chunkserver.Threads;
import org.mfsj.chunkserver.store.ChunkInfo;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background CRC test: every period, reads one chunk whole, all chunks in turn, so that damage on
 * data nobody reads is found while good copies still exist elsewhere. A damaged copy is removed
 * and reported by the {@link ChunkReader}, as for any other read. Runs on its own thread.
 */
public final class Scrubber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scrubber.class);
    private static final int BUFFER = 4 << 20;

    private final ChunkReader reader;
    private final ScrubCursor cursor = new ScrubCursor();
    private final ScheduledExecutorService timer;
    private byte[] buffer;

    private Scrubber(ChunkReader reader, ScheduledExecutorService timer) {
        this.reader = reader;
        this.timer = timer;
    }

    /** Checks one chunk every {@code periodSeconds}; 0 turns checking off. */
    public static Scrubber start(ChunkReader reader, int periodSeconds) {
        if (periodSeconds <= 0) {
            return new Scrubber(reader, null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.named("cs-scrub"));
        Scrubber s = new Scrubber(reader, timer);
        timer.scheduleWithFixedDelay(s::checkNext, periodSeconds, periodSeconds, TimeUnit.SECONDS);
        return s;
    }

    /** Checks the next chunk in turn. */
    void checkNext() {
        try {
            ChunkInfo c = cursor.next(reader.store().chunks());
            if (c != null) {
                check(c);
            }
        } catch (RuntimeException e) {
            LOG.error("scrubber: {}", e.toString(), e); // never let one failure stop the schedule
        }
    }

    private void check(ChunkInfo c) {
        if (buffer == null) {
            buffer = new byte[BUFFER];
        }
        int offset = 0;
        try {
            while (offset < c.length()) {
                int n = reader.read(c.id(), c.version(), offset, buffer, 0, BUFFER, "scrubber");
                if (n == 0) {
                    break;
                }
                offset += n;
            }
            LOG.trace("chunk {} v{}: {} bytes checked", ChunkIds.hex(c.id()), c.version(), offset);
        } catch (MfsException e) {
            if (e.status() != Status.CRC_ERROR && e.status() != Status.NO_SUCH_CHUNK
                    && e.status() != Status.WRONG_VERSION) {
                // damage is logged by the reader; a chunk deleted or bumped meanwhile is no news
                LOG.warn("scrubber: chunk {} v{}: {}", ChunkIds.hex(c.id()), c.version(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            // no interrupt: it would close the chunk file under a read for every other reader too
            timer.shutdown();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
