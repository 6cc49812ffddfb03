package org.mfsj.master.service;

import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.AppendChunks;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.CountReply;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.Idempotent;
import org.mfsj.common.wire.client2master.Link;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.RemoveXattr;
import org.mfsj.common.wire.client2master.Rename;
import org.mfsj.common.wire.client2master.Rmdir;
import org.mfsj.common.wire.client2master.SetAttr;
import org.mfsj.common.wire.client2master.SetGoal;
import org.mfsj.common.wire.client2master.SetQuota;
import org.mfsj.common.wire.client2master.SetTrashTime;
import org.mfsj.common.wire.client2master.Snapshot;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.common.wire.client2master.Release;
import org.mfsj.common.wire.client2master.ReleaseMany;
import org.mfsj.common.wire.client2master.PublishWritten;
import org.mfsj.common.wire.client2master.ScratchCreateWrite;
import org.mfsj.common.wire.client2master.ScratchCreatedReply;
import org.mfsj.common.wire.client2master.WriteChunkReply;
import org.mfsj.common.wire.client2master.PurgeTrash;
import org.mfsj.common.wire.client2master.RestoreTrash;
import org.mfsj.common.wire.client2master.ScratchCreateOpen;
import org.mfsj.common.wire.client2master.SetXattr;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.Symlink;
import org.mfsj.common.wire.client2master.Unlink;
import org.mfsj.master.meta.Journal;
import org.mfsj.master.net.Retries;
import org.mfsj.master.session.Session;

/**
 * Answers a retried metadata change from what its first run returned (kept in the changelog, the
 * image and the reply cache), and tags a new one's changes with its session and request id. Only
 * calls of a session that carry a request id take part.
 */
public final class RetryCache implements Retries {
    /** Builds the reply of one request type from a cached result. */
    @FunctionalInterface
    private interface Rebuild {
        Message reply(int msgId, Object result);
    }

    private final Journal journal;
    private final ChunkGrants grants;
    private final Map<Class<?>, Rebuild> replies = new HashMap<>();

    public RetryCache(Journal journal, ChunkGrants grants) {
        this.journal = journal;
        this.grants = grants;
        Rebuild entry = (id, result) -> new EntryReply(id, Status.OK, (Attr) result);
        Rebuild status = (id, result) -> new StatusReply(id, Status.OK);
        replies.put(Mkdir.class, entry);
        replies.put(Mknod.class, entry);
        replies.put(Symlink.class, entry);
        replies.put(Link.class, entry);
        replies.put(Unlink.class, status);
        replies.put(Rmdir.class, status);
        replies.put(Rename.class, status);
        replies.put(SetXattr.class, status);
        replies.put(RemoveXattr.class, status);
        replies.put(SetAttr.class, (id, result) -> new AttrReply(id, Status.OK, (Attr) result));
        replies.put(SetGoal.class, (id, result) -> new CountReply(id, Status.OK, (Long) result));
        Rebuild count = (id, result) -> new CountReply(id, Status.OK, result instanceof Long n ? n : 1);
        replies.put(SetTrashTime.class, count);
        replies.put(Snapshot.class, count);
        replies.put(PurgeTrash.class, count);
        replies.put(RestoreTrash.class, entry);
        replies.put(SetQuota.class, status);
        replies.put(Release.class, status);
        replies.put(ReleaseMany.class, status);
        replies.put(CreateOpen.class, entry);
        replies.put(ScratchCreateOpen.class, entry);
        replies.put(Publish.class, entry);
        replies.put(PublishWritten.class, entry);
        replies.put(AppendChunks.class, (id, result) -> new AttrReply(id, Status.OK, (Attr) result));
    }

    @Override
    public Message begin(Peer from, Message request) {
        if (!(request instanceof Idempotent call) || call.reqId() == 0
                || !(from.attachment() instanceof Session session)) {
            return null;
        }
        Object first = journal.answered(session.id(), call.reqId());
        Rebuild rebuild = request instanceof ScratchCreateWrite ? createWrite(session.id(), call.reqId())
                : replies.get(request.getClass());
        if (first != null && rebuild != null && fits(request, first)) {
            return rebuild.reply(request.msgId(), first);
        }
        journal.begin(session.id(), call.reqId());
        return null;
    }

    /**
     * A retried create-and-write gets its file again with the chunk its first run was granted,
     * while it still holds that chunk's lock; else without a chunk, and its writer asks for one.
     */
    private Rebuild createWrite(long session, long request) {
        return (id, result) -> {
            ChunkGrants.Grant g = grants.find(session, request, id);
            return g != null ? new ScratchCreatedReply(id, Status.OK, (Attr) result, g.created(), g.chunk())
                    : new ScratchCreatedReply(id, Status.OK, (Attr) result, false,
                            new WriteChunkReply(id, Status.EAGAIN, 0, 0, 0, List.of()));
        };
    }

    /** A SetAttr that changed nothing cached DONE: its reply needs attributes, so it runs again. */
    private static boolean fits(Message request, Object first) {
        return !(request instanceof SetAttr || request instanceof Mkdir || request instanceof Mknod
                || request instanceof CreateOpen || request instanceof ScratchCreateOpen || request instanceof ScratchCreateWrite
                || request instanceof Publish || request instanceof PublishWritten || request instanceof AppendChunks
                || request instanceof Symlink || request instanceof Link || request instanceof RestoreTrash)
                || first instanceof Attr;
    }

    @Override
    public void end() {
        journal.end();
    }
}
