package org.mfsj.nfs.io;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files the gateway holds open on behalf of all its clients. NFS reads and writes name a file, not
 * an open, so opening per call would cost a master round trip each; instead one reader and one
 * writer per inode stay open until idle, and the writer's write-back buffer is what makes UNSTABLE
 * writes fast. Files are opened as root: the caller's access is checked before (see Permissions).
 */
public final class OpenFiles implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenFiles.class);

    /** Work on an open file. */
    public interface Io<T> {
        T run(FileHandle h) throws MfsException;
    }

    private final MfsClient client;
    private final Clock clock;
    private final Duration idle;
    private final WriteVerifier verifier;
    private final Map<Long, Entry> open = new ConcurrentHashMap<>();

    public OpenFiles(MfsClient client, Clock clock, Duration idle, WriteVerifier verifier) {
        this.client = client;
        this.clock = clock;
        this.idle = idle;
        this.verifier = verifier;
    }

    public <T> T read(long inode, Io<T> io) throws MfsException {
        return use(inode, false, io);
    }

    public <T> T write(long inode, Io<T> io) throws MfsException {
        return use(inode, true, io);
    }

    /**
     * Flushes buffered writes to {@code inode}, if any: every chunkserver of the chain has them and
     * the master the new length, so no restart of this gateway loses them (CLOSE).
     */
    public void flush(long inode) throws MfsException {
        if (open.containsKey(key(inode, true))) {
            write(inode, h -> {
                h.flush();
                return null;
            });
        }
    }

    /**
     * Makes every write of this gateway to {@code inode} durable: flushed, and forced to disk on
     * every chunkserver holding a copy (COMMIT, stable WRITE). The client library remembers per
     * inode what any handle wrote since the last fsync, so this covers writers already closed as
     * idle. With no writer open, a reader does: fsync through any handle covers every handle's writes.
     */
    public void commit(long inode) throws MfsException {
        use(inode, open.containsKey(key(inode, true)), h -> {
            h.fsync();
            return null;
        });
    }

    /**
     * Lets go of {@code inode}'s handles (now, or when the calls using them end): a REMOVE or a
     * RENAME took its name, and the master keeps a nameless file alive while any session holds it
     * open, this cache included, so the file would live on and answer until it idled out.
     */
    public void release(long inode) {
        for (boolean write : new boolean[] {false, true}) {
            Entry e = open.remove(key(inode, write));
            if (e == null) {
                continue;
            }
            boolean idle;
            synchronized (e) {
                e.closed = true;
                e.closeAfterUse = e.refs > 0;
                idle = e.refs == 0;
            }
            if (idle) {
                closeQuietly(e);
            }
        }
    }

    /** Closes files unused for longer than the idle time; returns how many. */
    public int sweep() {
        long now = clock.millis();
        int closed = 0;
        for (Map.Entry<Long, Entry> me : open.entrySet()) {
            Entry e = me.getValue();
            synchronized (e) {
                if (e.refs > 0 || now - e.lastUse < idle.toMillis()) {
                    continue;
                }
                e.closed = true;
                open.remove(me.getKey(), e);
            }
            closeQuietly(e);
            closed++;
        }
        return closed;
    }

    public int size() {
        return open.size();
    }

    /** Flushes and closes everything (gateway shutdown). */
    @Override
    public void close() {
        for (Long k : open.keySet()) {
            Entry e = open.remove(k);
            if (e != null) {
                synchronized (e) {
                    e.closed = true;
                }
                closeQuietly(e);
            }
        }
    }

    private <T> T use(long inode, boolean write, Io<T> io) throws MfsException {
        Entry e = acquire(inode, write);
        try {
            return io.run(e.handle);
        } finally {
            boolean last;
            synchronized (e) {
                e.refs--;
                e.lastUse = clock.millis();
                last = e.closeAfterUse && e.refs == 0;
            }
            if (last) {
                closeQuietly(e);
            }
        }
    }

    private Entry acquire(long inode, boolean write) throws MfsException {
        long key = key(inode, write);
        while (true) {
            Entry e = open.get(key);
            if (e == null) {
                Entry fresh = new Entry(client.open(Creds.ROOT, inode, write), clock.millis());
                e = open.putIfAbsent(key, fresh);
                if (e == null) {
                    e = fresh;
                } else {
                    closeQuietly(fresh);
                }
            }
            synchronized (e) {
                if (!e.closed) {
                    e.refs++;
                    return e;
                }
            }
        }
    }

    private void closeQuietly(Entry e) {
        try {
            e.handle.close();
        } catch (MfsException ex) {
            // the data of unstable writes may be lost: a new verifier makes clients send it again
            verifier.rotate();
            LOG.warn("closing inode {} failed, write verifier changed: {}", e.handle.inode(), ex.getMessage());
        }
    }

    private static long key(long inode, boolean write) {
        return inode * 2 + (write ? 1 : 0);
    }

    private static final class Entry {
        final FileHandle handle;
        int refs;
        long lastUse;
        boolean closed;
        /** Released while in use: the last call using it closes it. */
        boolean closeAfterUse;

        Entry(FileHandle handle, long now) {
            this.handle = handle;
            this.lastUse = now;
        }
    }
}
