package org.mfsj.client;

import java.io.Closeable;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;

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

    /** Copies into the write-back buffer and returns; blocks while the buffer is full. */
    void write(long offset, byte[] src, int off, int len) throws MfsException;

    /** Returns when everything written so far is acknowledged by its chain and recorded by the master. */
    void flush() throws MfsException;

    /**
     * As {@link #flush}: a chunk write is acknowledged only after every server of the chain has
     * flushed it, so flushed data is already durable.
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
