package org.mfsj.client.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mfsj.client.master.Futures;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.wire.client2master.AttrsAtEnd;

/**
 * The write-back buffer of one file: extents the application wrote, in order, from the moment
 * {@link #append} copies them in until the master has recorded them ({@link #release}). Queued
 * extents wait for the writer; taken ones are on their way to a chain and stay here so a failed
 * chain can be redone and so readers can overlay them. The byte budget covers both, which is what
 * blocks a writer that outruns the network.
 *
 * <p>Every extent gets a serial number; flushing waits until every serial up to the last one
 * written is released. The writer may take extents of the chunk it is writing ahead of older ones
 * of other chunks (extents of different chunks never overlap, and those of one chunk keep their
 * order), so serials leave out of order and the released prefix is tracked as a set. All state is
 * guarded by this object's monitor.
 */
final class WriteBuffer {
    /** A tail extent untouched this long goes out even though it is not full. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final long budget;
    private final Runnable startWorker;
    /** Nanoseconds, for how long a tail extent has lingered; waits still run on the real clock. */
    private final LongSupplier lingerClock;
    private final ExtentQueue queued = new ExtentQueue();
    /** In the order taken; a set, as a whole batch of a scattered writer leaves at once. */
    private final Set<Extent> taken = new LinkedHashSet<>();
    /** Serials of every extent still here, queued or taken. */
    private final TreeSet<Long> unreleased = new TreeSet<>();
    private long bytes;
    /** Writers blocked in {@link #append} until taken data leaves. */
    private int roomWaiters;
    /** Chunk and serial of the extent {@link #take} handed out last: where the writer's session is. */
    private int lastTakenChunk = -1;
    private long lastTakenSerial;
    private long end;
    private long nextSerial = 1;
    private long flushThrough;
    /** Serials an fsync waits for: their sessions may as well be forced as they end. */
    private long syncThrough;
    private long lastWriteEnd = -1;
    private boolean workerRunning;
    /** Something besides data needs the writer (a background finish ended): its next take returns. */
    private boolean nudged;
    private MfsException error;
    /** Attributes a flush waits to have set with the end of its last write, and through which serial. */
    private AttrsAtEnd attrsAtEnd;
    private long attrsAtEndThrough;
    /** The attributes set by a write's end ({@link #attrsAtEndSet}), and what the master answered. */
    private AttrsAtEnd attrsSet;
    private Attr attrsSetResult;
    /** Bumped whenever data leaves the buffer: server data read before that may be stale. */
    private volatile long changes;

    /** @param startWorker called, under this lock, when data arrives and no writer is running */
    WriteBuffer(long budget, Runnable startWorker) {
        this(budget, startWorker, System::nanoTime);
    }

    /** With the clock lingering is judged by: a test's frozen clock keeps a tail extent held however slowly it runs. */
    WriteBuffer(long budget, Runnable startWorker, LongSupplier lingerClock) {
        this.budget = budget;
        this.startWorker = startWorker;
        this.lingerClock = lingerClock;
    }

    /** Copies {@code src}'s remaining bytes in, blocking while the budget is spent. */
    synchronized void append(long offset, ByteBuffer src) throws MfsException {
        long pos = offset;
        int left = src.remaining();
        while (left > 0) {
            int n = Math.min(left, Extent.roomFrom(pos));
            awaitRoom(n);
            // looked at only after waiting: the writer may have taken the tail meanwhile
            Extent tail = queued.last();
            Extent e;
            if (tail != null && tail.continuesAt(pos)) {
                e = tail;
            } else {
                // a writer continuing where it stopped is streaming: give it the whole cell at once
                e = new Extent(pos, nextSerial++, pos == lastWriteEnd ? Extent.roomFrom(pos) : n);
                queued.addLast(e);
                unreleased.add(e.serial());
            }
            int limit = src.limit();
            src.limit(src.position() + n);
            e.append(src, lingerClock.getAsLong());
            src.limit(limit);
            bytes += n;
            queued.grew(n);
            pos += n;
            left -= n;
            end = Math.max(end, pos);
            lastWriteEnd = pos;
            kick();
            notifyAll();
        }
    }

    private void awaitRoom(int n) throws MfsException {
        kick();
        if (bytes > 0 && bytes + n > budget) {
            roomWaiters++;
            // the writer holding a session on one chunk has to let it go for this writer to go on
            notifyAll();
            try {
                while (bytes > 0 && bytes + n > budget) {
                    wait();
                }
            } catch (InterruptedException e) {
                throw Futures.interrupted("write");
            } finally {
                roomWaiters--;
            }
        }
    }

    /**
     * The next extent ready to send, or null after {@code maxWaitNanos}, or at once when a flush
     * is waiting and nothing is queued (so the writer can close its session), or at once after
     * {@link #nudgeWriter} when nothing is ready. An extent is ready when something follows it,
     * when its cell is full, when a flush asks for it, or when it has lingered untouched.
     *
     * <p>The first queued extent of chunk {@code preferredChunk} (-1: none), the chunk the writer
     * has a session open on, goes before the head when it is ready; the head of another chunk
     * only when {@link #mayLeave} says the writer should move on. A scattered writer lands in
     * every chunk of its file in turn: moving on at each write that falls elsewhere made a chunk
     * session (a version bump on every server and two master requests) per few writes; holding the
     * session while the others queue up makes one per quarter buffer of them.
     */
    synchronized Extent take(long maxWaitNanos, int preferredChunk) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitNanos;
        while (true) {
            long now = System.nanoTime();
            long lingerNow = lingerClock.getAsLong();
            Extent mine = preferredChunk < 0 ? null : firstReadyOf(preferredChunk, lingerNow);
            if (mine != null) {
                return handOut(mine);
            }
            Extent head = queued.first();
            long sleep = deadline - now;
            if (head != null && mayLeave(preferredChunk, head)) {
                if (ready(head, queued.size() == 1, lingerNow)) {
                    return handOut(head);
                }
                sleep = Math.min(sleep, LINGER_NANOS - (lingerNow - head.lastAppendNanos()));
            } else if (head != null) {
                // held for the session's chunk: its own next write, or a reason to move on, wakes us
                sleep = Math.min(sleep, LINGER_NANOS);
            } else if (flushWanted()) {
                return null;
            }
            if (nudged) {
                nudged = false;
                return null;
            }
            if (deadline - now <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(sleep, 1));
        }
    }

    /**
     * Whether the writer, holding a session on {@code preferredChunk}, should move on to
     * {@code head} of another chunk: when it has no session, when the application wrote there
     * after its last write to the session's chunk (a sequential writer crossed into the next
     * chunk), when a flush waits, when a quarter of the budget waits in other chunks, or when a
     * writer is blocked for room.
     */
    private boolean mayLeave(int preferredChunk, Extent head) {
        return preferredChunk < 0 || preferredChunk != lastTakenChunk || head.serial() > lastTakenSerial
                || flushWanted() || queued.bytes() >= budget / 4 || roomWaiters > 0;
    }

    private Extent handOut(Extent e) {
        queued.remove(e);
        e.seal();
        taken.add(e);
        lastTakenChunk = ChunkGeometry.chunkIndex(e.offset());
        lastTakenSerial = e.serial();
        return e;
    }

    private boolean ready(Extent e, boolean last, long now) {
        return !last || e.full() || flushThrough >= e.serial() || now - e.lastAppendNanos() >= LINGER_NANOS;
    }

    /** The oldest queued extent of chunk {@code chunk} if it is ready (not yet out of the queue); null otherwise. */
    private Extent firstReadyOf(int chunk, long now) {
        Extent e = queued.firstOf(chunk);
        return e != null && ready(e, e == queued.last(), now) ? e : null;
    }

    /** Wakes the writer from {@link #take} even though no data is ready. */
    synchronized void nudgeWriter() {
        nudged = true;
        notifyAll();
    }

    /** Extents the master has recorded: they leave the buffer and free their bytes. */
    synchronized void release(List<Extent> done) {
        for (Extent e : done) {
            if (taken.remove(e)) {
                bytes -= e.length();
                unreleased.remove(e.serial());
                e.release();
            }
        }
        recomputeEnd();
        changes++;
        notifyAll();
    }

    /** A write that cannot be completed: everything buffered is dropped and {@code why} kept to report. */
    synchronized void fail(MfsException why) {
        if (error == null) {
            error = why;
        }
        // only the writer fails the buffer, so none of these is being sent; sends in flight hold their own
        queued.all().forEach(Extent::release);
        taken.forEach(Extent::release);
        queued.clear();
        taken.clear();
        unreleased.clear();
        bytes = 0;
        end = 0;
        changes++;
        notifyAll();
    }

    /** Throws (once) the error a background write met, if any. */
    synchronized void reportError() throws MfsException {
        MfsException e = error;
        if (e != null) {
            error = null;
            throw new MfsException(e.status(), "an earlier write failed: " + e.getMessage(), e);
        }
    }

    /** Waits until everything written so far is recorded by the master. */
    synchronized void awaitFlushed() throws MfsException {
        awaitFlushed(false);
    }

    /**
     * As {@link #awaitFlushed()}; with {@code durable} (an fsync) the sessions still to end are
     * ended forced to disk, see {@link #syncWanted}.
     */
    synchronized void awaitFlushed(boolean durable) throws MfsException {
        long target = nextSerial - 1;
        if (target > flushThrough) {
            flushThrough = target;
        }
        if (durable && target > syncThrough) {
            syncThrough = target;
        }
        if (!queued.isEmpty()) {
            kick();
        }
        notifyAll();
        while (releasedThrough() < target && error == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                throw Futures.interrupted("flush");
            }
        }
        reportError();
    }

    /**
     * As {@link #awaitFlushed()}, and {@code then} goes with the end of the session that records the
     * last of the data written so far, if that end is still to come. Returns the attributes the
     * master answered it with, or null when it did not go (nothing left to end, or that end failed
     * and was redone): the caller sends it on its own.
     */
    synchronized Attr awaitFlushedThen(AttrsAtEnd then) throws MfsException {
        long target = nextSerial - 1;
        if (target > releasedThrough()) {
            attrsAtEnd = then;
            attrsAtEndThrough = target;
        }
        try {
            awaitFlushed(false);
            return attrsSet == then ? attrsSetResult : null;
        } finally {
            if (attrsAtEnd == then) {
                attrsAtEnd = null;
            }
            if (attrsSet == then) {
                attrsSet = null;
                attrsSetResult = null;
            }
        }
    }

    /**
     * The attributes a flush waits to have set, when ending the session of {@code batch} records
     * the last of the data that flush waits for; null otherwise. Taken: no other end sends them.
     */
    synchronized AttrsAtEnd takeAttrsAtEnd(List<Extent> batch) {
        if (attrsAtEnd == null) {
            return null;
        }
        TreeSet<Long> inBatch = new TreeSet<>();
        batch.forEach(e -> inBatch.add(e.serial()));
        for (long s : unreleased.headSet(attrsAtEndThrough, true)) {
            if (!inBatch.contains(s)) {
                return null;
            }
        }
        AttrsAtEnd t = attrsAtEnd;
        attrsAtEnd = null;
        return t;
    }

    /** The master set {@code then} with a write's end and answered {@code after}; null, null: that end failed. */
    synchronized void attrsAtEndSet(AttrsAtEnd then, Attr after) {
        attrsSet = then;
        attrsSetResult = after;
    }

    synchronized boolean flushWanted() {
        return flushThrough > releasedThrough();
    }

    /** An fsync waits for data still here: a session ending now should end forced to disk. */
    synchronized boolean syncWanted() {
        return syncThrough > releasedThrough();
    }

    /** Called by the writer when it has nothing to do: it stops unless data came in meanwhile. */
    synchronized boolean retireIfIdle() {
        if (!queued.isEmpty()) {
            return false;
        }
        workerRunning = false;
        return true;
    }

    /** The writer stopped on an unexpected failure; a later write starts a new one. */
    synchronized void workerDied() {
        workerRunning = false;
    }

    synchronized boolean hasData() {
        return !queued.isEmpty() || !taken.isEmpty();
    }

    synchronized boolean isIdle() {
        return queued.isEmpty() && taken.isEmpty() && !workerRunning;
    }

    /** End of the furthest unflushed byte, 0 when nothing is buffered. */
    synchronized long end() {
        return end;
    }

    long changes() {
        return changes;
    }

    /** Marks server data read before now as possibly stale (e.g. after a truncate). */
    synchronized void invalidateReads() {
        changes++;
    }

    /** The data still here, each piece retained: the caller releases the overlay. */
    synchronized Overlay snapshot() {
        if (queued.isEmpty() && taken.isEmpty()) {
            return Overlay.empty(changes);
        }
        List<Overlay.Piece> pieces = new ArrayList<>(taken.size() + queued.size());
        for (Extent e : taken) {
            pieces.add(new Overlay.Piece(e.offset(), e.data().retain(), e.length()));
        }
        for (Extent e : queued.all()) {
            pieces.add(new Overlay.Piece(e.offset(), e.data().retain(), e.length()));
        }
        return new Overlay(pieces, end, changes);
    }

    private long releasedThrough() {
        return unreleased.isEmpty() ? nextSerial - 1 : unreleased.first() - 1;
    }

    private void recomputeEnd() {
        long e = 0;
        for (Extent x : taken) {
            e = Math.max(e, x.end());
        }
        for (Extent x : queued.all()) {
            e = Math.max(e, x.end());
        }
        end = e;
    }

    private void kick() throws MfsException {
        if (!workerRunning) {
            workerRunning = true;
            try {
                startWorker.run();
            } catch (RejectedExecutionException e) {
                workerRunning = false;
                throw new MfsException(Status.EBADF, "client is closed");
            }
        }
    }
}
