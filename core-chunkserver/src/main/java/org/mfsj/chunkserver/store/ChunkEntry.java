package org.mfsj.chunkserver.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One chunk in the index. Its lock serialises changes to the chunk and lets reads share it.
 * The fields are volatile so listings need no lock; they change only under the write lock.
 *
 * <p>The open file is created lazily by the first operation, possibly a reader under the shared
 * lock, so opening is additionally guarded by this object's monitor; closing (eviction, delete)
 * happens only under the write lock, when no operation can be using the channel.
 */
final class ChunkEntry {
    final long id;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile Disk disk;
    private volatile ChunkInfo info;
    private volatile boolean removed;
    private volatile ChunkFile file;
    /** LRU stamp for {@link OpenChunkCache}; racy updates only make eviction slightly less exact. */
    volatile long lastUse;

    ChunkEntry(long id, Disk disk, int version, long length) {
        this.id = id;
        this.disk = disk;
        this.info = new ChunkInfo(id, version, length);
    }

    Disk disk() {
        return disk;
    }

    ChunkInfo info() {
        return info;
    }

    int version() {
        return info.version();
    }

    Path path() {
        return ChunkPaths.file(disk.path(), id, info.version());
    }

    boolean removed() {
        return removed;
    }

    void markRemoved() {
        removed = true;
    }

    /** Records a new version and/or length; caller holds the write lock. */
    void update(int version, long length) {
        ChunkInfo now = info;
        if (now.version() != version || now.length() != length) {
            info = new ChunkInfo(id, version, length);
        }
    }

    /**
     * The open file, opening it (and registering it with the cache) if needed. Eviction from
     * inside the monitor is safe: the cache only ever try-locks other entries.
     */
    ChunkFile openFile(ChannelOpener opener, OpenChunkCache cache) throws IOException {
        ChunkFile f = file;
        if (f == null) {
            synchronized (this) {
                f = file;
                if (f == null) {
                    f = ChunkFile.open(opener, path(), id, info.version());
                    file = f;
                    cache.opened(this);
                    return f;
                }
            }
        }
        cache.touch(this);
        return f;
    }

    /** Installs a file just created or rebuilt; caller holds the write lock. */
    void setFile(ChunkFile f) {
        file = f;
    }

    /** Closes the file if open; caller holds the write lock (or the store is closing). */
    void closeFile() {
        ChunkFile f = file;
        file = null;
        if (f != null) {
            f.close();
        }
    }
}
