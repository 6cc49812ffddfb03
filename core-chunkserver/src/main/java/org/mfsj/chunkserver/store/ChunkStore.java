package org.mfsj.chunkserver.store;

import static org.mfsj.common.types.ChunkGeometry.CHUNK_SIZE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunkserver's chunks on its local disks: one file per chunk, a CRC32C per 64 KiB block,
 * every read checked. Thread-safe: reads of one chunk share its lock, changes to one chunk are
 * serialised, different chunks never wait for each other.
 *
 * <p>Errors are {@link MfsException}s: NO_SUCH_CHUNK, WRONG_VERSION, OUT_OF_RANGE and CHUNK_EXISTS
 * for bad requests; CRC_ERROR when data or a header cannot be trusted (a damaged header also
 * drops the chunk); ENOSPC; DISK_FAILED when an I/O error made the store give up on a disk, in
 * which case all its chunks leave the index and the {@link DiskFailureListener} hears of it once;
 * EIO after {@link #close()} or when an interrupt closed a channel under an operation.
 */
public final class ChunkStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkStore.class);
    private static final DiskFailureListener NO_LISTENER = (disk, lost) -> { };

    private final List<Disk> disks;
    private final ChunkIndex index;
    private final ChannelOpener opener;
    private final SpaceProbe space;
    private final DiskChooser chooser;
    private volatile DiskFailureListener listener = NO_LISTENER;
    private volatile boolean closed;

    private ChunkStore(List<Disk> disks, ChunkIndex index, StoreOptions options) {
        this.disks = List.copyOf(disks);
        this.index = index;
        this.opener = options.opener();
        this.space = options.space();
        this.chooser = new DiskChooser(options.space(), options.reserveBytes());
    }

    public static ChunkStore open(List<DiskSpec> disks) {
        return open(disks, StoreOptions.defaults());
    }

    public static ChunkStore open(List<DiskSpec> disks, ChannelOpener opener) {
        return open(disks, StoreOptions.defaults().withOpener(opener));
    }

    /**
     * Creates missing {@code chunks/} directories and indexes every disk from its directory
     * listing. A disk that cannot be listed starts out failed; the store still opens.
     */
    public static ChunkStore open(List<DiskSpec> specs, StoreOptions options) {
        Set<Path> seen = new HashSet<>();
        List<Disk> disks = new ArrayList<>();
        ChunkIndex index = new ChunkIndex(new OpenChunkCache(options.maxOpenChunks()));
        for (DiskSpec spec : specs) {
            // the same directory twice would look like every chunk duplicated, and lose them all
            if (!seen.add(spec.path().toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("disk listed twice: " + spec.path());
            }
            Disk disk = new Disk(spec);
            disks.add(disk);
            try {
                DiskScanner.prepare(spec.path());
                for (DiskScanner.Found found : DiskScanner.scan(spec.path())) {
                    index.load(disk, found);
                }
            } catch (IOException e) {
                disk.markFailed();
                List<Long> lost = index.removeAll(disk);
                LOG.error("disk {} failed at scan ({} chunks dropped): {}", spec.path(), lost.size(), e.toString());
            }
        }
        for (Disk d : disks) {
            LOG.info("disk {}: {} chunks{}{}", d.path(), d.chunkCount(), d.failed() ? ", failed" : "",
                    d.markedForRemoval() ? ", marked for removal" : "");
        }
        return new ChunkStore(disks, index, options);
    }

    /** Replaces the listener told about failed disks (none by default). */
    public void setDiskFailureListener(DiskFailureListener listener) {
        this.listener = listener == null ? NO_LISTENER : listener;
    }

    /** Every chunk in the index, for the master's registration. */
    public List<ChunkInfo> chunks() {
        return index.snapshot();
    }

    public List<DiskInfo> disks() {
        List<DiskInfo> out = new ArrayList<>(disks.size());
        for (Disk d : disks) {
            out.add(d.info(space));
        }
        return out;
    }

    public ChunkInfo info(long id) throws MfsException {
        ensureOpen();
        ChunkEntry e = index.get(id);
        if (e == null || e.removed()) {
            throw noSuchChunk(id);
        }
        return e.info();
    }

    /** Creates an empty chunk on the healthy, not-draining disk with the most free space. */
    public void create(long id, int version) throws MfsException {
        ensureOpen();
        if (index.get(id) != null) {
            throw exists(id, "already stored");
        }
        Disk disk = chooser.choose(disks);
        ChunkEntry e = new ChunkEntry(id, disk, version, 0);
        IOException failure;
        e.lock.writeLock().lock();
        try {
            if (!index.addNew(e)) {
                e.markRemoved();
                throw exists(id, "already stored");
            }
            if (closed) {
                // close() may have listed the index before we joined it
                index.abandon(e);
                ensureOpen();
            }
            Files.createDirectories(e.path().getParent());
            e.setFile(ChunkFile.create(opener, e.path(), id, version));
            index.cache().opened(e);
            if (disk.failed()) {
                // the disk failed while we created: its sweep may have missed this entry
                index.remove(e);
                throw new MfsException(Status.DISK_FAILED, "disk " + disk.path() + " failed");
            }
            return;
        } catch (FileAlreadyExistsException x) {
            index.abandon(e);
            throw exists(id, "a stray file is in the way: " + x.getFile());
        } catch (MfsException x) {
            throw x;
        } catch (IOException x) {
            index.abandon(e);
            deleteQuietly(e.path()); // a half-written header must not block a retry
            failure = x;
        } finally {
            e.lock.writeLock().unlock();
        }
        throw environmental(disk, id, failure);
    }

    /**
     * Reads up to {@code length} bytes at {@code offset}; returns how many there were (short at
     * the end of the data, 0 at or past it). Every block touched is checked against its CRC.
     */
    public int read(long id, int version, int offset, byte[] dst, int dstOffset, int length) throws MfsException {
        checkRange(id, offset, length);
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        return read(id, version, offset, ByteBuffer.wrap(dst, dstOffset, length));
    }

    /** As above, into {@code dst} from its position, {@code dst.remaining()} bytes at most (position and limit untouched). */
    public int read(long id, int version, int offset, ByteBuffer dst) throws MfsException {
        checkRange(id, offset, dst.remaining());
        return call(id, false, e -> {
            checkVersion(e, version);
            return file(e).read(offset, dst);
        });
    }

    /**
     * Writes {@code length} bytes at {@code offset}, extending the chunk (a gap reads as zeros).
     * {@code crc32c} must be the CRC32C of exactly these bytes, or nothing is written.
     */
    public void write(long id, int version, int offset, byte[] src, int srcOffset, int length, int crc32c)
            throws MfsException {
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        write(id, version, offset, ByteBuffer.wrap(src, srcOffset, length), crc32c);
    }

    /** As above, for {@code src}'s remaining bytes (not consumed); a direct buffer goes to the file uncopied. */
    public void write(long id, int version, int offset, ByteBuffer src, int crc32c) throws MfsException {
        checkRange(id, offset, src.remaining());
        // the CRC is checked as the blocks' CRCs are computed, in one pass: see ChunkFile.write
        call(id, true, e -> {
            checkVersion(e, version);
            ChunkFile f = file(e);
            f.write(offset, src, crc32c);
            e.update(version, f.length());
            return null;
        });
    }

    /**
     * Changes the version: header first, then the rename. A crash between the two leaves a header
     * that disagrees with the name, which the first open reports as damaged.
     */
    public void setVersion(long id, int oldVersion, int newVersion) throws MfsException {
        call(id, true, e -> {
            checkVersion(e, oldVersion);
            if (newVersion != oldVersion) {
                ChunkFile f = file(e);
                Path from = e.path();
                f.writeVersion(newVersion);
                Files.move(from, ChunkPaths.file(e.disk().path(), id, newVersion), StandardCopyOption.ATOMIC_MOVE);
                e.update(newVersion, f.length());
            }
            return null;
        });
    }

    /** Cuts or zero-extends the data to {@code length} under a new version; see {@link ChunkTruncation}. */
    public void truncate(long id, int oldVersion, int newVersion, int length) throws MfsException {
        if (length < 0 || length > CHUNK_SIZE) {
            throw new MfsException(Status.OUT_OF_RANGE, "chunk " + ChunkPaths.hex(id) + ": length " + length);
        }
        call(id, true, e -> {
            checkVersion(e, oldVersion);
            ChunkFile rebuilt = ChunkTruncation.run(file(e), opener, e.disk().path(), oldVersion, newVersion, length);
            e.setFile(rebuilt);
            e.update(newVersion, length);
            return null;
        });
    }

    /**
     * Copies chunk {@code id} at {@code version} to a new chunk {@code newId} at {@code newVersion}
     * on the same disk (copy-on-write of a chunk a snapshot shares; see {@link ChunkDuplication}).
     * The source stays readable meanwhile.
     */
    public void duplicate(long id, int version, long newId, int newVersion) throws MfsException {
        if (index.get(newId) != null) {
            throw exists(newId, "already stored");
        }
        Disk[] disk = new Disk[1];
        ChunkFile copy = call(id, false, e -> {
            checkVersion(e, version);
            disk[0] = e.disk();
            return ChunkDuplication.run(file(e), opener, e.disk().path(), newId, newVersion);
        });
        ChunkEntry e = new ChunkEntry(newId, disk[0], newVersion, copy.length());
        e.lock.writeLock().lock();
        try {
            if (!index.addNew(e)) {
                e.markRemoved();
                copy.close();
                throw exists(newId, "stored meanwhile");
            }
            e.setFile(copy);
            index.cache().opened(e);
        } finally {
            e.lock.writeLock().unlock();
        }
    }

    /** Deletes the chunk; {@code version} 0 deletes whatever version is stored. */
    public void delete(long id, int version) throws MfsException {
        call(id, true, e -> {
            if (version != 0) {
                checkVersion(e, version);
            }
            index.close(e);
            Files.deleteIfExists(e.path());
            index.remove(e);
            return null;
        });
    }

    /** Forces the chunk's data and header to disk (a client's fsync, the delayed background force, replication). */
    public void flush(long id) throws MfsException {
        call(id, false, e -> {
            file(e).force();
            return null;
        });
    }

    /** How many chunk files are open now (bounded by {@link StoreOptions#maxOpenChunks()} plus in-flight use). */
    int openFileCount() {
        return index.cache().size();
    }

    /** Closes every open file, waiting for operations in flight; later calls fail with EIO. */
    @Override
    public void close() {
        closed = true;
        for (ChunkEntry e : index.all()) {
            e.lock.writeLock().lock();
            try {
                index.close(e);
            } finally {
                e.lock.writeLock().unlock();
            }
        }
    }

    /** One operation on one chunk under its lock. */
    @FunctionalInterface
    private interface EntryOp<T> {
        T apply(ChunkEntry e) throws IOException;
    }

    /**
     * Runs {@code op} under the chunk's shared or exclusive lock. Failures that need other locks
     * (dropping a damaged chunk, sweeping a failed disk) are handled after this lock is released,
     * so no thread ever holds one chunk's lock while waiting for another's.
     */
    private <T> T call(long id, boolean exclusive, EntryOp<T> op) throws MfsException {
        while (true) {
            ensureOpen();
            ChunkEntry e = index.get(id);
            if (e == null) {
                throw noSuchChunk(id);
            }
            Lock lock = exclusive ? e.lock.writeLock() : e.lock.readLock();
            IOException failure;
            lock.lock();
            try {
                if (e.removed()) {
                    continue; // deleted or replaced while we waited: look the id up again
                }
                if (e.disk().failed()) {
                    throw new MfsException(Status.DISK_FAILED, "disk " + e.disk().path() + " failed");
                }
                return op.apply(e);
            } catch (DamagedChunkException x) {
                failure = x;
            } catch (MfsException x) {
                throw x;
            } catch (IOException x) {
                failure = x;
            } finally {
                lock.unlock();
            }
            throw failed(e, failure);
        }
    }

    /**
     * The chunk's open file. Checked under the chunk's lock: close() sets its flag before it
     * takes each chunk's lock, so no file is opened behind its back.
     */
    private ChunkFile file(ChunkEntry e) throws IOException {
        ensureOpen();
        return e.openFile(opener, index.cache());
    }

    /** Turns an I/O failure of an operation on {@code e} into what the caller is told. */
    private MfsException failed(ChunkEntry e, IOException failure) {
        if (failure instanceof DamagedChunkException damaged) {
            dropDamaged(e, damaged.getMessage());
            return damaged;
        }
        if (failure instanceof NoSuchFileException && Files.isDirectory(ChunkPaths.chunksDir(e.disk().path()))) {
            // the file went away behind our back but the disk is there: lose the chunk, not the disk
            dropDamaged(e, "file missing");
            return noSuchChunk(e.id);
        }
        // the in-memory state may now disagree with the file: the next use reopens it from disk
        withWriteLock(e, () -> index.close(e));
        return environmental(e.disk(), e.id, failure);
    }

    /** Failures that are not about one chunk's content: interrupts, full disks, dying disks. */
    private MfsException environmental(Disk disk, long id, IOException failure) {
        String where = "chunk " + ChunkPaths.hex(id) + " on " + disk.path();
        if (failure instanceof ClosedChannelException) {
            // an interrupt closes a FileChannel for every user; that says nothing about the disk
            return new MfsException(Status.EIO, where + ": channel closed (interrupt or shutdown)", failure);
        }
        if (isNoSpace(failure)) {
            return new MfsException(Status.ENOSPC, where + ": " + failure.getMessage(), failure);
        }
        if (isOutOfDescriptors(failure)) {
            // EMFILE/ENFILE is the process's limit, not the disk's fault
            return new MfsException(Status.EIO, where + ": " + failure.getMessage(), failure);
        }
        diskFailed(disk, id, failure);
        return new MfsException(Status.DISK_FAILED, where + ": " + failure, failure);
    }

    /** ENOSPC/EDQUOT reach Java only as message text; a full disk is not a broken one. */
    private static boolean isNoSpace(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"));
    }

    private static boolean isOutOfDescriptors(IOException e) {
        String m = e.getMessage();
        return m != null && m.contains("Too many open files");
    }

    private void diskFailed(Disk disk, long id, IOException cause) {
        if (!disk.markFailed()) {
            return; // someone else already swept it and told the listener
        }
        List<Long> lost = index.removeAll(disk);
        LOG.error("disk {} failed (on chunk {}): {}; dropped {} chunks", disk.path(), ChunkPaths.hex(id), cause,
                lost.size());
        try {
            listener.onDiskFailed(disk.path(), List.copyOf(lost));
        } catch (RuntimeException e) {
            LOG.error("disk failure listener failed for {}", disk.path(), e);
        }
    }

    /** Takes a chunk whose file cannot be trusted out of the index and off the disk. */
    private void dropDamaged(ChunkEntry e, String why) {
        withWriteLock(e, () -> {
            if (e.removed()) {
                return;
            }
            Path path = e.path();
            index.remove(e);
            try {
                Files.deleteIfExists(path);
            } catch (IOException x) {
                LOG.warn("could not remove damaged chunk {} on {}: {}", ChunkPaths.hex(e.id), e.disk().path(), x.toString());
            }
            LOG.warn("damaged chunk {} on {}: {}; removed", ChunkPaths.hex(e.id), e.disk().path(), why);
        });
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the disk is being judged by the failure that brought us here
        }
    }

    private static void withWriteLock(ChunkEntry e, Runnable action) {
        e.lock.writeLock().lock();
        try {
            action.run();
        } finally {
            e.lock.writeLock().unlock();
        }
    }

    private void ensureOpen() throws MfsException {
        if (closed) {
            throw new MfsException(Status.EIO, "chunk store is closed");
        }
    }

    private static void checkRange(long id, int offset, int length) throws MfsException {
        if (offset < 0 || length < 0 || (long) offset + length > CHUNK_SIZE) {
            throw new MfsException(Status.OUT_OF_RANGE,
                    "chunk " + ChunkPaths.hex(id) + ": offset " + offset + " length " + length);
        }
    }

    private static void checkVersion(ChunkEntry e, int version) throws MfsException {
        if (e.version() != version) {
            throw new MfsException(Status.WRONG_VERSION,
                    "chunk " + ChunkPaths.hex(e.id) + " is version " + e.version() + ", not " + version);
        }
    }

    private static MfsException noSuchChunk(long id) {
        return new MfsException(Status.NO_SUCH_CHUNK, "chunk " + ChunkPaths.hex(id));
    }

    private static MfsException exists(long id, String why) {
        return new MfsException(Status.CHUNK_EXISTS, "chunk " + ChunkPaths.hex(id) + ": " + why);
    }
}
