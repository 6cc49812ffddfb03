package org.mfsj.client.io;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.mfsj.client.ClientMetrics;
import org.mfsj.client.FileHandle;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.common.wire.client2master.AttrsAtEnd;

/**
 * A handle on an open file: reads go through its own read-ahead and are overlaid with the file's
 * unflushed writes; writes go into the file's shared write-back buffer.
 */
final class DefaultFileHandle implements FileHandle {
    /** Chunk indexes travel as u32 on the wire; past that a file cannot grow. */
    private static final long MAX_LENGTH = (long) Integer.MAX_VALUE * ChunkGeometry.CHUNK_SIZE;

    private final OpenFile file;
    private final OpenFiles registry;
    private final ReadAhead readAhead;
    private final AttrSource attrs;
    private final FileSync fileSync;
    private final ClientMetrics metrics;
    private final Creds creds;
    private final boolean forWrite;
    private final Attr opened;
    private volatile boolean closed;

    DefaultFileHandle(OpenFile file, OpenFiles registry, ReadAhead readAhead, AttrSource attrs, FileSync fileSync,
                      ClientMetrics metrics, Creds creds, boolean forWrite, Attr opened) {
        this.file = file;
        this.registry = registry;
        this.readAhead = readAhead;
        this.attrs = attrs;
        this.fileSync = fileSync;
        this.metrics = metrics;
        this.creds = creds;
        this.forWrite = forWrite;
        this.opened = opened;
    }

    @Override
    public long inode() {
        return file.inode();
    }

    @Override
    public int read(long offset, byte[] dst, int off, int len) throws MfsException {
        Objects.checkFromIndexSize(off, len, dst.length);
        return read(offset, ByteBuffer.wrap(dst), off, len);
    }

    @Override
    public int read(long offset, ByteBuffer dst) throws MfsException {
        int n = read(offset, dst, dst.position(), dst.remaining());
        if (n > 0) {
            dst.position(dst.position() + n);
        }
        return n;
    }

    /** Reads into {@code dst[off, off+len)} by absolute index. */
    private int read(long offset, ByteBuffer dst, int off, int len) throws MfsException {
        checkOpen();
        if (offset < 0) {
            throw new MfsException(Status.EINVAL, "read at negative offset " + offset);
        }
        // taken before asking the servers: writes landing meanwhile are in it or already on the servers
        Overlay overlay = file.buffer().snapshot();
        try {
            return read(offset, dst, off, len, overlay);
        } finally {
            overlay.release();
        }
    }

    private int read(long offset, ByteBuffer dst, int off, int len, Overlay overlay) throws MfsException {
        long length = Math.max(file.length(), overlay.end());
        if (offset + len > length) {
            // near the end: the file may have grown (another client) or shrunk since we last looked
            refreshLength();
            length = Math.max(file.length(), overlay.end());
        }
        if (offset >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - offset);
        if (n == 0) {
            return 0;
        }
        if (!overlay.covers(offset, n)) {
            readAhead.read(offset, dst, off, n, length, overlay.changes());
        }
        overlay.apply(offset, dst, off, n);
        metrics.read(n);
        return n;
    }

    private void refreshLength() throws MfsException {
        long before = file.changes();
        Attr a = attrs.getattr(file.inode());
        file.masterLength(a.length(), before);
    }

    @Override
    public void write(long offset, byte[] src, int off, int len) throws MfsException {
        Objects.checkFromIndexSize(off, len, src.length);
        write(offset, ByteBuffer.wrap(src, off, len));
    }

    @Override
    public void write(long offset, ByteBuffer src) throws MfsException {
        checkOpen();
        if (!forWrite) {
            throw new MfsException(Status.EBADF, "inode " + file.inode() + " is not open for writing");
        }
        int len = src.remaining();
        if (offset < 0) {
            throw new MfsException(Status.EINVAL, "write at negative offset " + offset);
        }
        if (offset + len > MAX_LENGTH) {
            throw new MfsException(Status.EFBIG, "write past " + MAX_LENGTH + " bytes");
        }
        file.buffer().reportError();
        if (len == 0) {
            return;
        }
        file.writer().writingAs(creds);
        file.buffer().append(offset, src);
        metrics.written(len);
    }

    @Override
    public void flush() throws MfsException {
        checkOpen();
        file.flush();
    }

    @Override
    public Attr flushThen(Creds c, SetAttrRequest then) throws MfsException {
        checkOpen();
        int mask = then.mask();
        if (mask == 0 || (mask & ~AttrsAtEnd.ALLOWED) != 0) {
            file.flush();
            return null;
        }
        Attr after = file.flushThen(new AttrsAtEnd(c, mask, then.mode(), then.atimeNanos(), then.mtimeNanos()));
        // refused by the master (who may not change them): the caller's own SetAttr then says why
        return after != null && shows(after, then) ? after : null;
    }

    private static boolean shows(Attr a, SetAttrRequest then) {
        int mask = then.mask();
        return ((mask & SetAttrMask.ATIME) == 0 || a.atimeNanos() == then.atimeNanos())
                && ((mask & SetAttrMask.MTIME) == 0 || a.mtimeNanos() == then.mtimeNanos())
                && ((mask & SetAttrMask.MODE) == 0 || (a.mode() & 07777) == (then.mode() & 07777));
    }

    @Override
    public void fsync() throws MfsException {
        checkOpen();
        file.flushDurable();
        // any handle may fsync what every handle of this client wrote, as with a local file
        fileSync.fsync(file.inode());
    }

    @Override
    public long length() {
        return file.length();
    }

    @Override
    public Attr getattr() throws MfsException {
        checkOpen();
        long before = file.changes();
        Attr a = attrs.getattr(file.inode());
        file.masterLength(a.length(), before);
        return file.patch(a);
    }

    @Override
    public Attr openedAttr() {
        return opened;
    }

    @Override
    public void close() throws MfsException {
        if (closed) {
            return;
        }
        closed = true;
        readAhead.clear();
        try {
            if (forWrite) {
                file.flush();
            }
        } finally {
            registry.release(file);
        }
    }

    private void checkOpen() throws MfsException {
        if (closed) {
            throw new MfsException(Status.EBADF, "handle of inode " + file.inode() + " is closed");
        }
    }
}
