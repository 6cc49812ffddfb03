package org.mfsj.master.changelog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
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
 *
 * <p>Records no one waits for (a scratch file's, answered once applied) may wait in the buffer
 * for the next record someone does wait for, whose force then covers them too: an S3 PUT's
 * temp-file records ride on its publish's force instead of costing forces of their own. They
 * wait about {@link #DEFERRED_NANOS} at most (by default; up to twice that when they find the
 * writer idle, since they do not wake it), so the log never lags far behind memory. The master also
 * defers each request's records until the request's end, so that they go in one force.
 *
 * <p>With a {@link ForceSite}, a force the appending thread asks for is made on that thread
 * itself, after the work it has at hand, when nothing else is queued there and this thread is not
 * writing: a lone client's change then costs no wake-up of this thread, nor of the event loop to
 * send the replies released. Whichever thread writes holds {@link #busy}; the other leaves the
 * batch to it.
 */
final class CommitThread extends Thread {
    private static final Logger LOG = LoggerFactory.getLogger(CommitThread.class);

    private final Path dir;
    private final long rotateBytes;
    private final MetaLog.Listener listener;
    /** How long a record no one waits for may stay unforced. */
    private final long deferNanos;
    private final List<Segment> segments;
    private final Object lock = new Object();
    private byte[] pending = new byte[1 << 16];
    /** The buffer the next batch swaps in for {@link #pending}; only the thread holding {@link #busy} writes the other. */
    private byte[] spare = new byte[1 << 16];
    private int pendingBytes;
    private long pendingLast;
    /** The newest version someone waits for (a reply, an order, a sync): forced without delay. */
    private volatile long wanted;
    /** When the oldest record now pending that no one waits for was buffered (nanoTime). */
    private long deferredSince;
    private boolean rotateRequested;
    private boolean closed;
    /** How long the writer may sleep before deferred records may be due. */
    private long waitNanos;
    private IOException failure;
    /** A batch is being written, by this thread or by the force site. */
    private boolean busy;
    /** A force is queued on the force site. */
    private boolean siteForceQueued;
    /** Threads in {@link #awaitDurable}: only they are notified after a batch, never an idle writer. */
    private int syncWaiters;
    /** Where forces asked on the appending thread are made, or null: always on this thread. */
    private volatile ForceSite site;
    private volatile long durable;
    /** {@link #durable} once the listener has heard of it: what {@link #awaitDurable} waits for. */
    private volatile long told;
    /** Bytes of zeros written ahead of the records at a time. */
    static final int PREALLOCATE = 1 << 20;
    /**
     * How long a record no one waits for may stay unforced by default: longer than a PUT takes from
     * its temp file's create to its publish on a loaded machine (20 ms was not: the temp file's
     * records were then forced on their own in most PUTs).
     */
    static final long DEFERRED_NANOS = 500_000_000L;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 << 10);

    private FileChannel out;
    private long outSize;
    /** The newest segment's length on disk: records up to outSize, zeros after. */
    private long allocated;
    // metrics, read by benchmarks and status tools
    private volatile long batches;
    private volatile long records;

    CommitThread(Path dir, long rotateBytes, long durableVersion, CopyOnWriteArrayList<Segment> segments,
            MetaLog.Listener listener, long deferNanos) {
        super("mfsmaster-changelog");
        this.deferNanos = deferNanos;
        setDaemon(true);
        this.dir = dir;
        this.rotateBytes = rotateBytes;
        this.durable = durableVersion;
        this.told = durableVersion;
        this.pendingLast = durableVersion;
        this.segments = segments;
        this.listener = listener;
    }

    /** Buffers a record and has it forced at once. */
    void enqueue(byte[] frame, long version) {
        enqueue(frame, version, false);
    }

    /**
     * Buffers a record; {@code deferred}: no one waits for it, so it may wait for the next force
     * someone needs, or for the deferral time.
     */
    void enqueue(byte[] frame, long version, boolean deferred) {
        synchronized (lock) {
            if (pendingBytes + frame.length > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingBytes + frame.length));
            }
            boolean firstDeferred = deferred && (pendingBytes == 0 || pendingLast <= wanted);
            if (firstDeferred) {
                deferredSince = System.nanoTime();
            }
            System.arraycopy(frame, 0, pending, pendingBytes, frame.length);
            pendingBytes += frame.length;
            pendingLast = version;
            // a deferred record does not wake the writer: an idle writer looks every deferral time
            if (!deferred) {
                wanted = Math.max(wanted, version);
                lock.notifyAll();
            }
        }
    }

    /** Someone waits for {@code version}: force every record up to it without further delay. */
    void forceUpTo(long version) {
        forceUpTo(version, site);
    }

    /** As {@link #forceUpTo(long)}; {@code here}: where the caller's thread may force itself, or null. */
    private void forceUpTo(long version, ForceSite here) {
        if (version <= wanted) {
            return;
        }
        boolean queueOnSite = false;
        synchronized (lock) {
            if (version <= wanted) {
                return;
            }
            wanted = version;
            if (here != null && here.inThread()) {
                queueOnSite = !siteForceQueued;
                siteForceQueued = true;
            } else {
                lock.notifyAll();
            }
        }
        if (queueOnSite) {
            try {
                here.later(this::forceOnSite);
            } catch (RejectedExecutionException stopped) {
                // the site stops: this thread forces instead
                synchronized (lock) {
                    siteForceQueued = false;
                    lock.notifyAll();
                }
            }
        }
    }

    /** Forces asked on {@code s}'s thread from now on are made there when it is idle. */
    void forceOn(ForceSite s) {
        site = s;
    }

    /**
     * On the force site, after the work that asked for it: writes and forces what is pending, unless
     * this thread is writing (it takes what is due next) or other work waits on the site (this
     * thread is woken to force meanwhile).
     */
    private void forceOnSite() {
        Batch b;
        synchronized (lock) {
            siteForceQueued = false;
            if (busy || closed || failure != null || wanted <= durable || pendingBytes == 0) {
                return;
            }
            if (!site.idle()) {
                lock.notifyAll();
                return;
            }
            b = takeBatch();
        }
        writeTaken(b, true);
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
            told = version;
            pendingLast = version;
            wanted = Math.min(wanted, version);
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
        // never queued on the site: the caller may be its thread, about to block here
        forceUpTo(version, null);
        synchronized (lock) {
            syncWaiters++;
            try {
                while (told < version) {
                    if (failure != null) {
                        throw failure;
                    }
                    if (closed) {
                        throw new IOException("changelog closed before version " + version + " was durable");
                    }
                    lock.wait();
                }
            } finally {
                syncWaiters--;
            }
        }
    }

    /** A batch taken from the buffer, to write. */
    private record Batch(byte[] bytes, int len, long last, boolean rotate) {
    }

    @Override
    public void run() {
        while (true) {
            Batch b;
            synchronized (lock) {
                while (true) {
                    if (busy) {
                        // the force site writes: waited out even when closing, one writer at a time; it
                        // wakes this thread only if it leaves something due, so deferred records are
                        // looked at again after their time at the latest
                        waitNanos = deferNanos;
                    } else if (closed || failure != null || batchDue()) {
                        break;
                    }
                    waitQuietly();
                }
                if (pendingBytes == 0 || failure != null) {
                    return;
                }
                b = takeBatch();
            }
            if (!writeTaken(b, false)) {
                return;
            }
        }
    }

    /** Under the lock: what is buffered becomes the batch this caller writes, holding {@link #busy}. */
    private Batch takeBatch() {
        Batch b = new Batch(pending, pendingBytes, pendingLast, rotateRequested);
        rotateRequested = false;
        pending = spare.length >= pending.length ? spare : new byte[pending.length];
        spare = b.bytes();
        pendingBytes = 0;
        busy = true;
        return b;
    }

    /** Writes a batch taken by {@link #takeBatch}, then lets the other writer go on; false when the log failed. */
    private boolean writeTaken(Batch b, boolean onSite) {
        boolean ok = true;
        try {
            write(b.bytes(), b.len(), b.last(), b.rotate(), onSite);
        } catch (IOException e) {
            fail(e);
            ok = false;
        } finally {
            synchronized (lock) {
                busy = false;
                // the writer only when something is left for it (or it is closing), the syncs when they may be done
                if (syncWaiters > 0 || onSite && (closed || wanted > durable)) {
                    lock.notifyAll();
                }
            }
        }
        return ok;
    }

    private void write(byte[] batch, int len, long last, boolean rotate, boolean onSite) throws IOException {
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
        // the listener first: whoever waits in awaitDurable may rely on it having heard (a waiter
        // that came in between the two lines saw the new durable and returned before it did)
        try {
            if (onSite) {
                listener.durableOnMaster(last);
            } else {
                listener.durable(last);
            }
        } finally {
            told = last;
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

    /**
     * Something pending is waited for, or has waited long enough. Under the lock; when the answer is
     * no, {@link #waitNanos} says for how long at most.
     */
    private boolean batchDue() {
        if (pendingBytes == 0) {
            waitNanos = deferNanos;
            return false;
        }
        if (wanted > durable) {
            return true;
        }
        waitNanos = deferNanos - (System.nanoTime() - deferredSince);
        return waitNanos <= 0;
    }

    private void waitQuietly() {
        try {
            lock.wait(waitNanos / 1_000_000L, (int) (waitNanos % 1_000_000L));
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
