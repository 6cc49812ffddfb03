package org.mfsj.master.changelog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: the master thread appends frames to a buffer; this thread takes everything
 * buffered, writes it with one write and one fsync, then reports the new durable version. While
 * one batch is being forced the next accumulates, so the number of fsyncs follows the disk's
 * speed, not the number of records. Segments rotate between batches, never inside one.
 *
 * <p>The newest segment is filled with zeros ahead of the records ({@link #PREALLOCATE} at a
 * time) and records overwrite them in place: an fdatasync of an append that grows the file also
 * commits the new size through the file system's journal, one of an overwrite does not (about a
 * third of each force on ext4 here). A segment is cut back to its records when it is closed; after
 * a crash the reader takes the zeros after the last record for the end of the log.
 */
final class CommitThread extends Thread {
    private static final Logger LOG = LoggerFactory.getLogger(CommitThread.class);

    private final Path dir;
    private final long rotateBytes;
    private final MetaLog.Listener listener;
    private final List<Segment> segments;
    private final Object lock = new Object();
    private byte[] pending = new byte[1 << 16];
    private int pendingBytes;
    private long pendingLast;
    private boolean rotateRequested;
    private boolean closed;
    /** The thread holding the next batch back while it serves one request, and how deep; null when none. */
    private Thread holder;
    private int holds;
    private IOException failure;
    private volatile long durable;
    /** Bytes of zeros written ahead of the records at a time. */
    static final int PREALLOCATE = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 << 10);

    private FileChannel out;
    private long outSize;
    /** The newest segment's length on disk: records up to outSize, zeros after. */
    private long allocated;
    // metrics, read by benchmarks and status tools
    private volatile long batches;
    private volatile long records;

    CommitThread(Path dir, long rotateBytes, long durableVersion, CopyOnWriteArrayList<Segment> segments,
            MetaLog.Listener listener) {
        super("mfsmaster-changelog");
        setDaemon(true);
        this.dir = dir;
        this.rotateBytes = rotateBytes;
        this.durable = durableVersion;
        this.pendingLast = durableVersion;
        this.segments = segments;
        this.listener = listener;
    }

    void enqueue(byte[] frame, long version) {
        synchronized (lock) {
            if (pendingBytes + frame.length > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingBytes + frame.length));
            }
            System.arraycopy(frame, 0, pending, pendingBytes, frame.length);
            pendingBytes += frame.length;
            pendingLast = version;
            if (holder == null) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Until {@link #release}, nothing is taken for a force: every record the calling thread appends
     * meanwhile (one request's, which may make several) goes into one batch. A request whose
     * records were split between two batches waited for two forces.
     */
    void hold() {
        synchronized (lock) {
            if (holder != null && holder != Thread.currentThread()) {
                return;
            }
            holder = Thread.currentThread();
            holds++;
        }
    }

    /** Ends a {@link #hold} of the calling thread; what it appended is taken for the next force. */
    void release() {
        synchronized (lock) {
            if (holder != Thread.currentThread()) {
                return;
            }
            if (--holds == 0) {
                holder = null;
                lock.notifyAll();
            }
        }
    }

    /**
     * The log was cut back to {@code version} while nothing was pending: the next batch starts a
     * new segment there (the old one's channel may sit past the cut).
     */
    void resetTo(long version) {
        synchronized (lock) {
            if (pendingBytes != 0) {
                throw new IllegalStateException("changelog cut while " + pendingBytes + " bytes are pending");
            }
            durable = version;
            pendingLast = version;
            rotateRequested = true;
        }
    }

    void requestRotate() {
        synchronized (lock) {
            rotateRequested = true;
        }
    }

    long durable() {
        return durable;
    }

    long batches() {
        return batches;
    }

    long records() {
        return records;
    }

    void awaitDurable(long version) throws IOException, InterruptedException {
        synchronized (lock) {
            if (holder == Thread.currentThread()) {
                // a request that waits for its own records must let them go first
                holder = null;
                holds = 0;
                lock.notifyAll();
            }
            while (durable < version) {
                if (failure != null) {
                    throw failure;
                }
                if (closed) {
                    throw new IOException("changelog closed before version " + version + " was durable");
                }
                lock.wait();
            }
        }
    }

    @Override
    public void run() {
        byte[] spare = new byte[pending.length];
        while (true) {
            byte[] batch;
            int len;
            long last;
            boolean rotate;
            synchronized (lock) {
                while ((pendingBytes == 0 || holder != null) && !closed) {
                    waitQuietly();
                }
                if (pendingBytes == 0) {
                    return;
                }
                batch = pending;
                len = pendingBytes;
                last = pendingLast;
                rotate = rotateRequested;
                rotateRequested = false;
                pending = spare.length >= batch.length ? spare : new byte[batch.length];
                pendingBytes = 0;
            }
            spare = batch;
            try {
                write(batch, len, last, rotate);
            } catch (IOException e) {
                fail(e);
                return;
            }
        }
    }

    private void write(byte[] batch, int len, long last, boolean rotate) throws IOException {
        if (out == null || rotate || outSize >= rotateBytes) {
            startSegment(durable + 1);
        }
        if (outSize + len > allocated) {
            preallocate(outSize + len);
        }
        ByteBuffer b = ByteBuffer.wrap(batch, 0, len);
        while (b.hasRemaining()) {
            outSize += out.write(b, outSize);
        }
        out.force(false);
        batches++;
        records += last - durable;
        durable = last;
        // the listener first: whoever waits in awaitDurable may rely on it having heard
        listener.durable(last);
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Zeros from the end of the file past {@code needed}, durable before any record goes there. */
    private void preallocate(long needed) throws IOException {
        long target = (needed / PREALLOCATE + 1) * PREALLOCATE;
        for (long at = allocated; at < target; ) {
            ByteBuffer z = ZEROS.duplicate().clear();
            z.limit((int) Math.min(z.capacity(), target - at));
            at += out.write(z, at);
        }
        out.force(false);
        allocated = target;
    }

    /** Cuts the zeros off the segment being written and closes it. */
    private void closeSegment() throws IOException {
        if (allocated > outSize) {
            out.truncate(outSize);
            out.force(true);
        }
        out.close();
        out = null;
    }

    private void startSegment(long firstVersion) throws IOException {
        if (out != null) {
            closeSegment();
        }
        long seq = segments.isEmpty() ? 1 : segments.get(segments.size() - 1).seq() + 1;
        out = Segment.create(dir, seq, firstVersion);
        outSize = Segment.HEADER;
        allocated = Segment.HEADER;
        segments.add(new Segment(seq, firstVersion, Segment.pathOf(dir, seq)));
        LOG.info("changelog segment {} started at version {}", Segment.pathOf(dir, seq), firstVersion);
    }

    private void fail(IOException e) {
        LOG.error("changelog write failed in {}; no change can be made durable any more", dir, e);
        synchronized (lock) {
            failure = e;
            lock.notifyAll();
        }
        listener.failed(e);
    }

    private void waitQuietly() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    /** Writes what is buffered, then stops. */
    void shutdown() throws IOException {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (out != null) {
            closeSegment();
        }
    }
}
