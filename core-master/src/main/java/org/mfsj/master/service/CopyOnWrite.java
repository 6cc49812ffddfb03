package org.mfsj.master.service;

import static org.mfsj.master.chunks.ChunkIds.hex;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.StorageServer;
import org.mfsj.master.chunks.WriteLocks;
import org.mfsj.master.cs.ChunkCommands;
import org.mfsj.master.meta.ChunkLog;
import org.mfsj.master.namespace.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copy-on-write of a chunk that a snapshot shares between files: before one file changes it (a
 * write, or a truncate that cuts it), the chunkservers holding valid copies duplicate it under a
 * new id, and the file's slot is pointed at the copy. The other files keep the original.
 */
final class CopyOnWrite {
    private static final Logger LOG = LoggerFactory.getLogger(CopyOnWrite.class);

    /** The copy, now in the file, locked for the caller, and the servers holding it. */
    record Copied(Chunk chunk, List<StorageServer> servers) {
    }

    private final Namespace ns;
    private final ChunkRegistry registry;
    private final WriteLocks locks;
    private final ChunkCommands commands;
    private final ChunkLog chunkLog;
    private final Clock clock;

    CopyOnWrite(Namespace ns, ChunkRegistry registry, WriteLocks locks, ChunkCommands commands, ChunkLog chunkLog,
            Clock clock) {
        this.ns = ns;
        this.registry = registry;
        this.locks = locks;
        this.commands = commands;
        this.chunkLog = chunkLog;
        this.clock = clock;
    }

    /** Whether a change to {@code chunkId} must copy it first. */
    boolean needed(long chunkId) {
        Chunk c = registry.get(chunkId);
        return c != null && c.refs() > 1;
    }

    /**
     * Copies {@code src}, which the caller has locked (its lock is released here), for slot
     * {@code index} of {@code inode}. The copy is locked for {@code owner} until the caller ends.
     */
    CompletableFuture<Copied> copy(long inode, int index, Chunk src, int goal, long owner) {
        if (src.validCount() == 0) {
            locks.release(src.id());
            return Failures.failed(new MfsException(Status.EIO, "shared chunk " + hex(src.id()) + " of inode "
                    + inode + " has no valid copy"));
        }
        Chunk copy = chunkLog.create(goal);
        locks.tryLock(copy.id(), clock.instant(), owner);
        return commands.duplicate(src, copy).thenApply(ok -> {
            locks.release(src.id());
            if (ok.isEmpty()) {
                locks.release(copy.id());
                chunkLog.forget(copy);
                throw Failures.error(Status.EIO, "no chunkserver could copy shared chunk " + hex(src.id()));
            }
            try {
                ns.setChunk(inode, index, copy.id());
            } catch (MfsException e) {
                registry.unreferenced(copy.id());
                locks.release(copy.id());
                throw new CompletionException(e);
            }
            LOG.info("chunk {} of inode {} index {} was shared: copied to {} on {} before changing it", hex(src.id()),
                    inode, index, hex(copy.id()), ok);
            return new Copied(copy, ok);
        });
    }
}
