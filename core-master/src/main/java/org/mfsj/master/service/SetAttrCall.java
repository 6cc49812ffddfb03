package org.mfsj.master.service;

import static org.mfsj.master.chunks.ChunkIds.hex;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.ChunkGeometry;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.SetAttr;
import org.mfsj.master.chunks.Chunk;
import org.mfsj.master.chunks.ChunkRegistry;
import org.mfsj.master.chunks.WriteLocks;
import org.mfsj.master.cs.ChunkCommands;
import org.mfsj.master.meta.ChunkLog;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.namespace.TruncateResult;
import org.mfsj.master.net.RequestDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SetAttr. Without LENGTH it is a namespace change alone. With LENGTH the file is truncated, and
 * a chunk the new end falls inside is cut on its chunkservers before the reply, so a later
 * extension reads zeros rather than the old bytes. A chunk being written is waited for first.
 */
public final class SetAttrCall {
    private static final Logger LOG = LoggerFactory.getLogger(SetAttrCall.class);

    private final Namespace ns;
    private final ChunkRegistry registry;
    private final WriteLocks locks;
    private final ChunkCommands commands;
    private final Clock clock;
    private final CopyOnWrite cow;

    public SetAttrCall(Namespace ns, ChunkRegistry registry, WriteLocks locks, ChunkCommands commands, ChunkLog chunkLog,
            Clock clock) {
        this.cow = new CopyOnWrite(ns, registry, locks, commands, chunkLog, clock);
        this.ns = ns;
        this.registry = registry;
        this.locks = locks;
        this.commands = commands;
        this.clock = clock;
    }

    public void register(RequestDispatcher d) {
        d.onAsync(SetAttr.class, this::setattr, ErrorReplies::attr);
    }

    private CompletableFuture<Message> setattr(Peer from, SetAttr r) throws MfsException {
        return setattr(from, r, clock.instant());
    }

    private CompletableFuture<Message> setattr(Peer from, SetAttr r, Instant arrived) throws MfsException {
        var others = new org.mfsj.master.namespace.SetAttr(r.mask() & ~SetAttrMask.LENGTH, r.mode(), r.uid(),
                r.gid(), r.atimeNanos(), r.mtimeNanos(), 0);
        if ((r.mask() & SetAttrMask.LENGTH) == 0) {
            return CompletableFuture.completedFuture(
                    new AttrReply(r.msgId(), Status.OK, ns.setattr(r.creds(), r.inode(), others)));
        }
        long cut = chunkEndingMidway(r);
        if (cut != 0 && locks.isLocked(cut)) {
            return locks.whenUnlocked(cut, arrived).thenCompose(v -> retry(from, r, arrived));
        }
        if (others.mask() != 0) {
            // the other attributes first: if they are refused, no data has been cut yet
            ns.setattr(r.creds(), r.inode(), others);
        }
        TruncateResult t = ns.truncate(r.creds(), r.inode(), r.length());
        Chunk c = t.cutChunkId() == 0 ? null : registry.get(t.cutChunkId());
        if (c == null || c.validCount() == 0) {
            if (t.cutChunkId() != 0) {
                LOG.warn("cannot cut chunk {} of inode {}: no valid copy", hex(t.cutChunkId()), r.inode());
            }
            return CompletableFuture.completedFuture(new AttrReply(r.msgId(), Status.OK, t.attr()));
        }
        locks.tryLock(c.id(), clock.instant());
        CompletableFuture<Chunk> target = cow.needed(c.id())
                ? cow.copy(r.inode(), ChunkGeometry.chunkIndex(r.length()), c, c.goal(), 0)
                        .thenApply(CopyOnWrite.Copied::chunk)
                : CompletableFuture.completedFuture(c);
        return target.thenCompose(x -> cut(r, t, x));
    }

    private CompletableFuture<Message> cut(SetAttr r, TruncateResult t, Chunk c) {
        return commands.truncate(c, t.cutChunkLength()).thenApply(ok -> {
            locks.release(c.id());
            if (ok.isEmpty()) {
                LOG.error("no copy of chunk {} of inode {} could be cut to {} bytes", hex(c.id()), r.inode(),
                        t.cutChunkLength());
                throw Failures.error(Status.EIO, "no copy of chunk " + hex(c.id()) + " could be cut");
            }
            return new AttrReply(r.msgId(), Status.OK, t.attr());
        });
    }

    /** The chunk the new length falls inside, if the file has one there (0 otherwise). */
    private long chunkEndingMidway(SetAttr r) throws MfsException {
        long index = r.length() / ChunkGeometry.CHUNK_SIZE;
        if (r.length() <= 0 || ChunkGeometry.offsetInChunk(r.length()) == 0 || index > Integer.MAX_VALUE) {
            return 0; // nothing to cut, or a length the truncate itself refuses
        }
        return ns.chunkAt(r.inode(), (int) index);
    }

    private CompletableFuture<Message> retry(Peer from, SetAttr r, Instant arrived) {
        try {
            return setattr(from, r, arrived);
        } catch (MfsException e) {
            return Failures.failed(e);
        }
    }
}
