package org.mfsj.master.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.NewChunkReply;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.common.wire.client2master.PublishWritten;
import org.mfsj.common.wire.client2master.ScratchCreateWrite;
import org.mfsj.common.wire.client2master.ScratchCreatedReply;
import org.mfsj.common.wire.client2master.WriteChunk;
import org.mfsj.common.wire.client2master.WriteChunkEnd;
import org.mfsj.common.wire.client2master.WriteChunkReply;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;
import org.mfsj.master.session.Session;

/**
 * A scratch file's first and last master calls joined with the chunk calls next to them: the
 * create+open also opens chunk 0 (ScratchCreateWrite), and the publish also records the last
 * chunk write sessions (PublishWritten). Each part is the same code, with the same checks, as the
 * call it stands for; a PUT of one chunk then costs two master calls instead of four.
 */
final class ScratchShortcuts {
    private final Namespace ns;
    private final ScratchArea area;
    private final ObjectCalls objects;
    private final ChunkWrites writes;
    private final ChunkGrants grants;

    ScratchShortcuts(Namespace ns, ScratchArea area, ObjectCalls objects, ChunkWrites writes, ChunkGrants grants) {
        this.ns = ns;
        this.area = area;
        this.objects = objects;
        this.writes = writes;
        this.grants = grants;
    }

    void register(RequestDispatcher d) {
        d.onAsync(ScratchCreateWrite.class, this::createWrite, (id, st) -> new ScratchCreatedReply(id, st, null, false,
                noChunk(id, st)));
        d.answerOnceApplied(ScratchCreateWrite.class, r -> area.isScratchDir(r.call().parent()));
        d.on(PublishWritten.class, (p, r) -> publishWritten(p, r), ErrorReplies::entry);
    }

    private static WriteChunkReply noChunk(int msgId, Status why) {
        return new WriteChunkReply(msgId, why, 0, 0, 0, List.of());
    }

    /** The file as ScratchCreateOpen makes it, then chunk 0 as ScratchOpenChunk opens it (scratch directories only). */
    private CompletableFuture<Message> createWrite(Peer from, ScratchCreateWrite r) throws MfsException {
        int id = r.msgId();
        Attr a = ((EntryReply) objects.createOpenScratch(r.call())).attr();
        if (!area.isScratchDir(r.call().parent())) {
            return CompletableFuture.completedFuture(new ScratchCreatedReply(id, Status.OK, a, false,
                    noChunk(id, Status.ENOTSUP)));
        }
        CompletableFuture<Message> chunk;
        try {
            chunk = writes.open(from, new WriteChunk(id, r.call().creds(), a.inode(), 0), ChunkWrites.NewChunks.BY_CHAIN);
        } catch (MfsException e) {
            chunk = CompletableFuture.failedFuture(e);
        }
        // the file exists whatever became of its chunk: a writer without one asks again when it writes
        return chunk.handle((m, e) -> {
            ScratchCreatedReply reply = m instanceof NewChunkReply n ? new ScratchCreatedReply(id, Status.OK, a, true,
                    n.reply()) : new ScratchCreatedReply(id, Status.OK, a, false, m instanceof WriteChunkReply w ? w
                    : noChunk(id, statusOf(e)));
            // a retry after a lost answer gets this chunk again rather than waiting behind its lock
            if (from.attachment() instanceof Session s) {
                grants.granted(s.id(), r.reqId(), reply.chunk(), reply.created());
            }
            return reply;
        });
    }

    private static Status statusOf(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof MfsException m ? m.status() : Status.EIO;
    }

    /**
     * Records the ends (each must be an OK end of the file being published), then publishes. Ends
     * of another file or failed ones are refused before anything changes.
     */
    private Message publishWritten(Peer from, PublishWritten r) throws MfsException {
        Publish p = r.publish();
        long inode = ns.lookup(p.creds(), p.srcParent(), p.srcName()).inode();
        for (WriteChunkEnd e : r.ends()) {
            if (e.inode() != inode || !e.writeStatus().isOk()) {
                throw new MfsException(Status.EINVAL, "publish of '" + p.srcName() + "' carried an end of inode "
                        + e.inode() + " (" + e.writeStatus() + "), not an OK end of inode " + inode);
            }
        }
        for (WriteChunkEnd e : r.ends()) {
            writes.end(from, e);
        }
        return objects.publish(p);
    }
}
