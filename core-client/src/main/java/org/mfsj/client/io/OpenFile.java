package org.mfsj.client.io;

import org.mfsj.common.types.Attr;
import org.mfsj.common.wire.client2master.AttrsAtEnd;

/**
 * What every handle of one inode in this client shares: the write-back buffer and its writer, and
 * the length the master is known to have recorded. Sharing them is what lets a read through one
 * handle see a write through another, and getattr report unflushed writes.
 */
public final class OpenFile {
    private final long inode;
    private final WriteBuffer buffer;
    private final FileWriter writer;
    private final Runnable whenIdle;
    private long recordedLength;
    /** Handles open on this inode; changed only inside the registry's per-inode compute. */
    private int refs;

    OpenFile(long inode, long length, WriteContext ctx, Runnable whenIdle) {
        this.inode = inode;
        this.recordedLength = length;
        this.whenIdle = whenIdle;
        this.buffer = new WriteBuffer(ctx.bufferBytes(), () -> ctx.workers().execute(this.writer()));
        this.writer = new FileWriter(ctx, this, buffer);
    }

    public long inode() {
        return inode;
    }

    WriteBuffer buffer() {
        return buffer;
    }

    FileWriter writer() {
        return writer;
    }

    int refs() {
        return refs;
    }

    void addRef() {
        refs++;
    }

    void dropRef() {
        refs--;
    }

    /** Length including unflushed writes. */
    public long length() {
        long buffered = buffer.end();
        synchronized (this) {
            return Math.max(recordedLength, buffered);
        }
    }

    /** {@code a} with the length including this client's unflushed writes. */
    public Attr patch(Attr a) {
        long len = length();
        if (len <= a.length()) {
            return a;
        }
        return a.withLength(len);
    }

    /** The master recorded one of our chunk writes; the file is at least this long now. */
    synchronized void recordedLength(long len) {
        recordedLength = Math.max(recordedLength, len);
    }

    /**
     * A length the master reported, asked after {@code changesBefore} was read from the buffer.
     * It may be shorter than ours (another client truncated) and is taken as it is, but only when
     * none of our writes landed meanwhile, since the answer might predate them.
     */
    public void masterLength(long len, long changesBefore) {
        synchronized (this) {
            if (buffer.isIdle() && buffer.changes() == changesBefore) {
                recordedLength = len;
            } else {
                recordedLength = Math.max(recordedLength, len);
            }
        }
    }

    public long changes() {
        return buffer.changes();
    }

    /** This client set the length (truncate): take it, and distrust data read before. */
    public void truncated(long len) {
        synchronized (this) {
            recordedLength = len;
        }
        buffer.invalidateReads();
    }

    /** Waits until every write so far is recorded by the master; reports a background failure. */
    public void flush() throws org.mfsj.common.status.MfsException {
        buffer.awaitFlushed();
    }

    /**
     * As {@link #flush}, with {@code then} set by the end of the last write still to end, if any:
     * the attributes after it, or null when it was not sent (see {@link WriteBuffer#awaitFlushedThen}).
     */
    Attr flushThen(AttrsAtEnd then) throws org.mfsj.common.status.MfsException {
        return buffer.awaitFlushedThen(then);
    }

    /** As {@link #flush}, for an fsync: sessions still to end are ended forced to disk. */
    void flushDurable() throws org.mfsj.common.status.MfsException {
        buffer.awaitFlushed(true);
    }

    public boolean isIdle() {
        return buffer.isIdle();
    }

    void writerIdle() {
        whenIdle.run();
    }
}
