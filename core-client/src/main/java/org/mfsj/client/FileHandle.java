package org.mfsj.client;

import java.io.Closeable;
import java.nio.ByteBuffer;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;

/**
 * An open regular file. Thread-safe; positions are explicit so one handle serves many callers.
 * Writes are buffered and streamed to the chunkservers in the background; errors of that background
 * work surface on the next {@link #write}, {@link #flush}, {@link #fsync} or {@link #close}.
 */
public interface FileHandle extends Closeable {
    long inode();

    /**
     * Reads up to {@code len} bytes at {@code offset}: as many as the file has there (holes read as
     * zeros), or -1 when {@code offset} is at or past the end of the file.
     */
    int read(long offset, byte[] dst, int off, int len) throws MfsException;

    /**
     * As {@link #read(long, byte[], int, int)} into {@code dst}'s remaining bytes, advancing its
     * position by what was read; a door answering from memory outside the heap saves a copy.
     */
    default int read(long offset, ByteBuffer dst) throws MfsException {
        byte[] b = new byte[dst.remaining()];
        int n = read(offset, b, 0, b.length);
        if (n > 0) {
            dst.put(b, 0, n);
        }
        return n;
    }

    /** Copies into the write-back buffer and returns; blocks while the buffer is full. */
    void write(long offset, byte[] src, int off, int len) throws MfsException;

    /**
     * As {@link #write(long, byte[], int, int)} with {@code src}'s remaining bytes, which are all
     * consumed; a door holding the data outside the heap (FUSE's request buffer) saves a copy.
     */
    default void write(long offset, ByteBuffer src) throws MfsException {
        byte[] b = new byte[src.remaining()];
        src.get(b);
        write(offset, b, 0, b.length);
    }

    /**
     * Returns when everything written so far is on every server of its chain and recorded by the
     * master: other clients read it, and a crash of this client loses none of it. The servers
     * force it to disk within their CHUNK_FSYNC_DELAY_MS; a crash of a server's machine before then
     * may lose that copy (the master re-replicates from the others).
     */
    void flush() throws MfsException;

    /**
     * As {@link #flush}; when a write is still to end, {@code then} (explicit times and permission
     * bits only, as {@code c}) is set with that end in one master change, after the data (tar sets
     * a file's times after writing it: one change and one changelog force less per file). Returns
     * the attributes after it, or null when nothing was left to end with it: then the caller sets
     * {@code then} itself.
     */
    default Attr flushThen(Creds c, SetAttrRequest then) throws MfsException {
        flush();
        return null;
    }

    /**
     * As {@link #flush}, then returns only once every copy of every chunk written to this inode by
     * this client since its last fsync (through any handle) is forced to disk. EIO when a copy could
     * not be forced; reported once, so a retry succeeds with the remaining copies forced.
     */
    void fsync() throws MfsException;

    /** Length including writes not yet flushed. */
    long length();

    /** Attributes from the master, with the length including writes not yet flushed. */
    Attr getattr() throws MfsException;

    /**
     * The attributes the master answered the open with, so a door can describe a file it just
     * created or opened without asking again. Handles that keep none ask the master.
     */
    default Attr openedAttr() throws MfsException {
        return getattr();
    }

    /** Flushes and releases the handle; later calls fail with EBADF. */
    @Override
    void close() throws MfsException;
}
