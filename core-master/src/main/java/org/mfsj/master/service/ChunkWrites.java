package org.mfsj.master.service;

import static org.mfsj.master.chunks.ChunkIds.hex;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.AttrsAtEnd;
import org.mfsj.common.wire.client2master.NewChunkReply;
import org.mfsj.common.wire.client2master.WriteChunk;
import org.mfsj.common.wire.client2master.WriteChunkEnd;
import org.mfsj.common.wire.client2master.WriteChunkReply;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.chunks.ChunkPlacement;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.CopiesGrace;
import org.mfsj.master.chunks.ServerTable;
import org.mfsj.master.chunks.StorageServer;
import org.mfsj.master.chunks.WriteLocks;
import org.mfsj.master.cs.ChunkCommands;
import org.mfsj.master.meta.ChunkLog;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.SetAttr;
import org.mfsj.master.net.RequestDispatcher;
import org.mfsj.master.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a chunk for writing and ending the write. A hole gets a new chunk on {@code goal}
 * servers; an existing chunk gets a new version on its valid copies, so a copy that misses the
 * write is recognised as stale. From the reply to WriteChunkEnd (or the lock timeout) the chunk
 * is locked: another writer waits, and the chunk is not replicated meanwhile.
 */
public final class ChunkWrites {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkWrites.class);

    /** A chunk slot of a file. */
    private record Slot(long inode, int index) {
    }

    private final Namespace ns;
    private final ChunkRegistry registry;
    private final ServerTable servers;
    private final WriteLocks locks;
    private final ChunkCommands commands;
    private final ChunkLog chunkLog;
    private final Clock clock;
    private final CopyOnWrite cow;
    private final CopiesGrace grace;
    /** Slots whose new chunk is being created: not in the file yet, but already locked. */
    private final Map<Slot, Long> creating = new HashMap<>();

    public ChunkWrites(Namespace ns, ChunkRegistry registry, ServerTable servers, WriteLocks locks,
                       ChunkCommands commands, ChunkLog chunkLog, Clock clock, CopiesGrace grace) {
        this.ns = ns;
        this.registry = registry;
        this.servers = servers;
        this.locks = locks;
        this.commands = commands;
        this.chunkLog = chunkLog;
        this.clock = clock;
        this.cow = new CopyOnWrite(ns, registry, locks, commands, chunkLog, clock);
        this.grace = grace;
    }

    public void register(RequestDispatcher d) {
        d.onAsync(WriteChunk.class, this::open, (id, st) -> new WriteChunkReply(id, st, 0, 0, 0, List.of()));
        d.on(WriteChunkEnd.class, this::end, ErrorReplies::attr);
    }

    /** How a new chunk comes to exist on its servers. */
    enum NewChunks {
        /** The master creates it once its id is durable. */
        DURABLE_FIRST,
        /** The client's chain creates it when the session starts (a scratch file's WriteInitNew). */
        BY_CHAIN,
        /**
         * The chain creates it when the file ends before it (it holds nothing recorded, so a try
         * whose chain failed to create it can have it made anew), else the master does.
         */
        BY_CHAIN_PAST_END
    }

    /**
     * A file's new chunk past its end (a small file's first, tar's and cp's every one) is created
     * by the client's chain: the reply waits for the durable id all the same, and the master's own
     * create order to each server, with the wait for its answers, was a round trip and a changelog
     * force of its own before that reply.
     */
    private CompletableFuture<Message> open(Peer from, WriteChunk req) throws MfsException {
        return open(from, req, clock.instant(), NewChunks.BY_CHAIN_PAST_END);
    }

    /** Opens a chunk; a new one comes to exist on its chunkservers as {@code how} says. */
    CompletableFuture<Message> open(Peer from, WriteChunk req, NewChunks how) throws MfsException {
        return open(from, req, clock.instant(), how);
    }

    private CompletableFuture<Message> open(Peer from, WriteChunk req, Instant arrived, NewChunks asked)
            throws MfsException {
        Attr attr = ns.getattr(req.inode());
        boolean pastEnd = attr.length() <= (long) req.index() * ChunkGeometry.CHUNK_SIZE;
        NewChunks how = asked != NewChunks.BY_CHAIN_PAST_END ? asked
                : pastEnd ? NewChunks.BY_CHAIN : NewChunks.DURABLE_FIRST;
        long chunkId = ns.chunkAt(req.inode(), req.index());
        WritePermission.check(ns, req.creds(), attr);
        // a directory at its hard byte limit takes no more data: refused before anything is written
        ns.checkQuota(req.inode(), 1);
        Slot slot = new Slot(req.inode(), req.index());
        Long pending = creating.get(slot);
        long busy = pending != null ? pending : chunkId;
        if (busy != 0 && locks.isLocked(busy)) {
            return locks.whenUnlocked(busy, arrived).thenCompose(v -> retry(from, req, arrived, asked));
        }
        long owner = sessionOf(from);
        if (chunkId != 0 && cow.needed(chunkId)) {
            return copyOnWrite(req, chunkId, attr.goal(), owner);
        }
        if (chunkId == 0) {
            return create(req, slot, attr.goal(), owner, how);
        }
        if (how == NewChunks.BY_CHAIN && pastEnd) {
            return bumpOrMakeAnew(req, slot, chunkId, attr.goal(), owner);
        }
        return bump(req, chunkId, owner);
    }

    /**
     * A scratch file's chunk that holds no acknowledged byte yet (the file ends before it): its
     * chain was to create it, and if no server has it (the head failed before creating it, or
     * hangs), a version bump finds no copy. Rather than failing the write, a new chunk on a new
     * chain replaces it; nothing is lost, since no write to it was ever acknowledged.
     */
    private CompletableFuture<Message> bumpOrMakeAnew(WriteChunk req, Slot slot, long chunkId, int goal,
            long owner) throws MfsException {
        Chunk c = registry.get(chunkId);
        if (c == null || c.validCount() == 0) {
            return create(req, slot, goal, owner, NewChunks.BY_CHAIN);
        }
        locks.tryLock(chunkId, clock.instant(), owner);
        return commands.bumpVersion(c).thenCompose(ok -> {
            if (!ok.isEmpty()) {
                return CompletableFuture.completedFuture(reply(req, c, ok));
            }
            locks.release(chunkId);
            LOG.info("chunk {} of scratch inode {} index {} exists on no server of its chain; making it anew",
                    hex(chunkId), req.inode(), req.index());
            try {
                return create(req, slot, goal, owner, NewChunks.BY_CHAIN);
            } catch (MfsException e) {
                return Failures.failed(e);
            }
        });
    }

    private static long sessionOf(Peer from) {
        return from.attachment() instanceof Session s ? s.id() : 0;
    }

    /** A waiting writer starts over once the chunk is free; one that went away meanwhile does not. */
    private CompletableFuture<Message> retry(Peer from, WriteChunk req, Instant arrived, NewChunks how) {
        if (!from.isActive()) {
            return Failures.failed(new MfsException(Status.DISCONNECTED, "client left while waiting for a chunk"));
        }
        try {
            return open(from, req, arrived, how);
        } catch (MfsException e) {
            return Failures.failed(e);
        }
    }

    private CompletableFuture<Message> create(WriteChunk req, Slot slot, int goal, long owner, NewChunks how)
            throws MfsException {
        List<StorageServer> targets = ChunkPlacement.forNewChunk(servers.all(), goal);
        if (targets.isEmpty()) {
            throw new MfsException(Status.NO_CHUNKSERVERS, "no chunkserver for chunk " + req.index()
                    + " of inode " + req.inode());
        }
        targets.forEach(StorageServer::notePlacement);
        Chunk c = chunkLog.create(goal);
        locks.tryLock(c.id(), clock.instant(), owner);
        creating.put(slot, c.id());
        CompletableFuture<List<StorageServer>> made = switch (how) {
            case DURABLE_FIRST -> commands.create(c, targets);
            // BY_CHAIN_PAST_END is resolved by open() before it gets here
            case BY_CHAIN, BY_CHAIN_PAST_END -> commands.createByChain(c, targets);
        };
        return made.thenApply(ok -> {
            creating.remove(slot);
            if (ok.isEmpty()) {
                locks.release(c.id());
                chunkLog.forget(c);
                throw Failures.error(Status.NO_CHUNKSERVERS, "no chunkserver created chunk " + hex(c.id()));
            }
            try {
                ns.setChunk(req.inode(), req.index(), c.id());
            } catch (MfsException e) {
                // the file went away while the chunk was being created: its copies are orphans
                registry.unreferenced(c.id());
                locks.release(c.id());
                throw new CompletionException(e);
            }
            LOG.debug("chunk {} created for inode {} index {} on {} ({})", hex(c.id()), req.inode(), req.index(), ok,
                    how);
            return how == NewChunks.DURABLE_FIRST ? reply(req, c, ok) : newChunkReply(req, c, ok);
        });
    }

    /**
     * The chunk is shared with a snapshot: the write goes to a fresh copy and the slot is re-pointed.
     * The shared chunk stays locked while it is copied, so writers of this or another file wait.
     */
    private CompletableFuture<Message> copyOnWrite(WriteChunk req, long chunkId, int goal, long owner) {
        locks.tryLock(chunkId, clock.instant(), owner);
        return cow.copy(req.inode(), req.index(), registry.get(chunkId), goal, owner)
                .thenApply(c -> reply(req, c.chunk(), c.servers()));
    }

    private CompletableFuture<Message> bump(WriteChunk req, long chunkId, long owner) throws MfsException {
        Chunk c = registry.get(chunkId);
        if (c == null || c.validCount() == 0) {
            // a new leader may not have heard from the servers holding it yet: then the client asks again
            throw grace.noCopy("chunk " + hex(chunkId) + " of inode " + req.inode() + " has no valid copy");
        }
        locks.tryLock(chunkId, clock.instant(), owner);
        return commands.bumpVersion(c).thenApply(ok -> {
            if (ok.isEmpty()) {
                locks.release(chunkId);
                throw Failures.error(Status.EIO, "no copy of chunk " + hex(chunkId) + " took a new version");
            }
            return reply(req, c, ok);
        });
    }

    /** The chain for the client; the lock is released if the file is gone by now. */
    private Message reply(WriteChunk req, Chunk c, List<StorageServer> chain) {
        try {
            long length = ns.getattr(req.inode()).length();
            return new WriteChunkReply(req.msgId(), Status.OK, length, c.id(), c.version(),
                    chain.stream().map(StorageServer::dataAddress).toList());
        } catch (MfsException e) {
            locks.release(c.id());
            throw new CompletionException(e);
        }
    }

    /** As {@link #reply}, for a chunk the chain creates. */
    private Message newChunkReply(WriteChunk req, Chunk c, List<StorageServer> chain) {
        return new NewChunkReply((WriteChunkReply) reply(req, c, chain));
    }

    Message end(Peer from, WriteChunkEnd req) throws MfsException {
        if (!locks.releaseBy(req.chunkId(), sessionOf(from)) && locks.isLocked(req.chunkId())) {
            LOG.warn("client {} (session {}) ended a write of chunk {} that another session now holds; lock kept",
                    from.remote(), sessionOf(from), hex(req.chunkId()));
        }
        if (!req.writeStatus().isOk()) {
            LOG.info("client {} ended its write of chunk {} (inode {} index {}) with {}", from.remote(),
                    hex(req.chunkId()), req.inode(), req.index(), req.writeStatus());
            return new AttrReply(req.msgId(), Status.OK, ns.getattr(req.inode()));
        }
        Attr after = ns.extendLength(req.inode(), req.newLength());
        AttrsAtEnd then = req.then();
        if (then != null) {
            // after the length, whose change moves the mtime these may set; one request, so one force
            try {
                after = ns.setattr(then.creds(), req.inode(), new SetAttr(then.mask(), then.mode(), 0, 0,
                        then.atimeNanos(), then.mtimeNanos(), 0));
            } catch (MfsException refused) {
                // the length stays recorded; the client sees the answer lacks them and asks with a SetAttr of
                // its own, which reports why
                LOG.debug("client {}: attributes with the end of chunk {} of inode {} refused: {}", from.remote(),
                        hex(req.chunkId()), req.inode(), refused.getMessage());
            }
        }
        return new AttrReply(req.msgId(), Status.OK, after);
    }
}
