package org.mfsj.chunkserver.store;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory map id -> chunk, with the per-disk counts and the open-file cache kept in step.
 * Every way a chunk leaves the index (delete, damage, disk failure, shutdown) goes through
 * {@link #remove}, so a removed chunk's file is always closed and its count always dropped.
 */
final class ChunkIndex {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkIndex.class);

    private final ConcurrentHashMap<Long, ChunkEntry> entries = new ConcurrentHashMap<>();
    private final OpenChunkCache cache;

    ChunkIndex(OpenChunkCache cache) {
        this.cache = cache;
    }

    OpenChunkCache cache() {
        return cache;
    }

    ChunkEntry get(long id) {
        return entries.get(id);
    }

    /** Adds a chunk being created; returns false if the id is taken. */
    boolean addNew(ChunkEntry e) {
        if (entries.putIfAbsent(e.id, e) != null) {
            return false;
        }
        e.disk().chunkAdded();
        return true;
    }

    /** Takes out a chunk that never became real (creation failed). */
    void abandon(ChunkEntry e) {
        if (!e.removed() && entries.remove(e.id, e)) {
            e.disk().chunkRemoved();
        }
        e.markRemoved();
    }

    /** Drops a chunk; caller holds its write lock (or the store is closing). */
    void remove(ChunkEntry e) {
        if (e.removed()) {
            return;
        }
        e.markRemoved();
        e.closeFile();
        cache.closed(e);
        if (entries.remove(e.id, e)) {
            e.disk().chunkRemoved();
        }
    }

    /** Closes a chunk's file (it is reopened on next use); caller holds its write lock. */
    void close(ChunkEntry e) {
        e.closeFile();
        cache.closed(e);
    }

    /** Removes every chunk of a failed disk, waiting for operations on each to finish. */
    List<Long> removeAll(Disk disk) {
        List<Long> lost = new ArrayList<>();
        for (ChunkEntry e : entries.values()) {
            if (e.disk() != disk) {
                continue;
            }
            e.lock.writeLock().lock();
            try {
                if (!e.removed()) {
                    remove(e);
                    lost.add(e.id);
                }
            } finally {
                e.lock.writeLock().unlock();
            }
        }
        return lost;
    }

    List<ChunkInfo> snapshot() {
        List<ChunkInfo> out = new ArrayList<>(entries.size());
        for (ChunkEntry e : entries.values()) {
            if (!e.removed()) {
                out.add(e.info());
            }
        }
        return out;
    }

    List<ChunkEntry> all() {
        return new ArrayList<>(entries.values());
    }

    /**
     * Adds a chunk found by the start-up scan. Two copies of one id (two disks, or an old and a
     * new version left by a crash mid-truncate): the higher version wins, the other file goes.
     */
    void load(Disk disk, DiskScanner.Found found) {
        ChunkEntry current = entries.get(found.id());
        if (current == null) {
            ChunkEntry e = new ChunkEntry(found.id(), disk, found.version(), found.length());
            entries.put(found.id(), e);
            disk.chunkAdded();
            return;
        }
        boolean newer = Integer.compareUnsigned(found.version(), current.version()) > 0;
        ChunkEntry loser = newer ? current : null;
        String loserWhere = newer ? current.disk().path().toString() : disk.path().toString();
        int loserVersion = newer ? current.version() : found.version();
        try {
            Files.deleteIfExists(newer ? current.path() : found.file());
        } catch (IOException e) {
            LOG.warn("could not remove duplicate chunk {} v{} on {}: {}", ChunkPaths.hex(found.id()), loserVersion,
                    loserWhere, e.toString());
        }
        LOG.warn("duplicate chunk {} removed: v{} on {} (kept v{})", ChunkPaths.hex(found.id()), loserVersion,
                loserWhere, newer ? found.version() : current.version());
        if (loser != null) {
            loser.disk().chunkRemoved();
            entries.put(found.id(), new ChunkEntry(found.id(), disk, found.version(), found.length()));
            disk.chunkAdded();
        }
    }
}
