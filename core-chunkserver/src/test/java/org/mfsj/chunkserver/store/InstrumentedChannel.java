package org.mfsj.chunkserver.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A FileChannel that forwards to a real one, counts reads, and can be told to fail writes the
 * way a dying disk does. Lets tests see the I/O the store issues and break a disk mid-operation.
 */
final class InstrumentedChannel extends FileChannel {
    private final FileChannel real;
    private final AtomicInteger reads;
    private final AtomicBoolean failWrites;

    InstrumentedChannel(FileChannel real, AtomicInteger reads, AtomicBoolean failWrites) {
        this.real = real;
        this.reads = reads;
        this.failWrites = failWrites;
    }

    private void maybeFail() throws IOException {
        if (failWrites.get()) {
            throw new IOException("Input/output error (injected)");
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        reads.incrementAndGet();
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        reads.incrementAndGet();
        return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        reads.incrementAndGet();
        return real.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        maybeFail();
        return real.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        maybeFail();
        return real.write(srcs, offset, length);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        maybeFail();
        return real.write(src, position);
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        maybeFail();
        real.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        maybeFail();
        real.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        reads.incrementAndGet();
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        maybeFail();
        return real.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw new UnsupportedOperationException("the store does not map files");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        throw new UnsupportedOperationException("the store does not lock files");
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        throw new UnsupportedOperationException("the store does not lock files");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
