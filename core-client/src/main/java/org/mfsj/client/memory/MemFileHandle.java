package org.mfsj.client.memory;

import java.util.Objects;
import org.mfsj.client.FileHandle;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;

/** A handle on an in-memory file: reads and writes go straight to the node, flushes are no-ops. */
final class MemFileHandle implements FileHandle {
    private final InMemoryMfsClient fs;
    private final MemNode node;
    private final boolean forWrite;
    private volatile boolean closed;

    MemFileHandle(InMemoryMfsClient fs, MemNode node, boolean forWrite) {
        this.fs = fs;
        this.node = node;
        this.forWrite = forWrite;
    }

    @Override
    public long inode() {
        return node.inode;
    }

    @Override
    public int read(long offset, byte[] dst, int off, int len) throws MfsException {
        check();
        Objects.checkFromIndexSize(off, len, dst.length);
        if (offset < 0) {
            throw new MfsException(Status.EINVAL, "read at negative offset " + offset);
        }
        synchronized (fs) {
            if (offset >= node.length) {
                return -1;
            }
            int n = (int) Math.min(len, node.length - offset);
            System.arraycopy(node.data, (int) offset, dst, off, n);
            fs.metrics().read(n);
            return n;
        }
    }

    @Override
    public void write(long offset, byte[] src, int off, int len) throws MfsException {
        check();
        if (!forWrite) {
            throw new MfsException(Status.EBADF, "inode " + node.inode + " is not open for writing");
        }
        Objects.checkFromIndexSize(off, len, src.length);
        if (offset < 0) {
            throw new MfsException(Status.EINVAL, "write at negative offset " + offset);
        }
        if (offset + len > Integer.MAX_VALUE - 8) {
            throw new MfsException(Status.EFBIG, "the in-memory file system holds files up to 2 GiB");
        }
        synchronized (fs) {
            if (offset + len > node.length) {
                node.setLength(offset + len);
            }
            System.arraycopy(src, off, node.data, (int) offset, len);
            node.mtime = fs.now();
            node.ctime = node.mtime;
            fs.metrics().written(len);
        }
    }

    @Override
    public void flush() throws MfsException {
        check();
    }

    @Override
    public void fsync() throws MfsException {
        check();
    }

    @Override
    public long length() {
        synchronized (fs) {
            return node.length;
        }
    }

    @Override
    public Attr getattr() throws MfsException {
        check();
        return fs.getattr(node.inode);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void check() throws MfsException {
        if (closed) {
            throw new MfsException(Status.EBADF, "handle of inode " + node.inode + " is closed");
        }
    }
}
