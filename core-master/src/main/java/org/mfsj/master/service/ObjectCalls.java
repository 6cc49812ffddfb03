package org.mfsj.master.service;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.AppendChunks;
import org.mfsj.common.wire.client2master.AttrReply;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.LookupObject;
import org.mfsj.common.wire.client2master.LookupObjectReply;
import org.mfsj.common.wire.client2master.ReadChunkReply;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;

/**
 * Calls that do in one round trip what an object store does per request in several: create and
 * open a new file, look up a file with its metadata attribute (and open it), put a finished file
 * in place with its attribute, and join files by chunks. Each is the same checks as the calls it
 * joins.
 */
public final class ObjectCalls {
    private final Namespace ns;
    private final ChunkReads reads;

    public ObjectCalls(Namespace ns, ChunkReads reads) {
        this.ns = ns;
        this.reads = reads;
    }

    public void register(RequestDispatcher d) {
        d.on(CreateOpen.class, this::createOpen, ErrorReplies::entry);
        d.on(LookupObject.class, this::lookupObject, (id, st) -> new LookupObjectReply(id, st, null, null, false));
        d.on(Publish.class, (p, r) -> publish(r), ErrorReplies::entry);
        d.on(AppendChunks.class, (p, r) -> new AttrReply(r.msgId(), Status.OK, ns.appendChunks(r.creds(), r.inode(),
                r.sources())), ErrorReplies::attr);
    }

    Message publish(Publish r) throws MfsException {
        checkPath(r);
        return new EntryReply(r.msgId(), Status.OK, ns.publish(r.creds(), r.srcParent(), r.srcName(), r.dstParent(),
                r.dstName(), r.xattrName(), r.xattrValue(), r.mtimeNanos(), r.expectTarget()));
    }

    /**
     * Refuses a publish whose caller found its directory by a path that no longer leads there
     * (another client renamed or removed a directory on the way since), before it changes
     * anything: the object would otherwise land at the directory's new place instead of at its key.
     */
    void checkPath(Publish r) throws MfsException {
        if (r.dstBase() == 0) {
            return;
        }
        long dir = r.dstBase();
        for (String name : r.dstPath().split("/")) {
            try {
                dir = ns.lookup(r.creds(), dir, name).inode();
            } catch (MfsException e) {
                if (e.status() != Status.ENOENT && e.status() != Status.ENOTDIR) {
                    throw e;
                }
                dir = 0;
                break;
            }
        }
        if (dir != r.dstParent()) {
            throw new MfsException(Status.ESTALE, "publish of '" + r.srcName() + "': '" + r.dstPath() + "' below "
                    + r.dstBase() + " no longer leads to directory " + r.dstParent());
        }
    }

    Message createOpen(Peer from, CreateOpen r) throws MfsException {
        Attr a = ns.mknod(r.creds(), r.parent(), r.name(), FileType.FILE, r.mode(), 0);
        // the creator owns the new file, so it may write it whatever the mode, as open(O_CREAT) allows
        return new EntryReply(r.msgId(), Status.OK, OpenCalls.open(ns, from, r.creds(), a.inode(), false, true));
    }

    /**
     * As {@link #createOpen} for a scratch file, whose open is not counted for the session: its
     * writer closes it without a Release, since the Publish (or unlink) that follows ends it anyway.
     */
    Message createOpenScratch(CreateOpen r) throws MfsException {
        Attr a = ns.mknod(r.creds(), r.parent(), r.name(), FileType.FILE, r.mode(), 0);
        return new EntryReply(r.msgId(), Status.OK, OpenCalls.check(ns, r.creds(), a.inode(), false, true));
    }

    private Message lookupObject(Peer from, LookupObject r) throws MfsException {
        Attr a = ns.lookup(r.creds(), r.parent(), r.name());
        byte[] value;
        try {
            value = ns.getxattr(r.creds(), a.inode(), r.xattrName());
        } catch (MfsException e) {
            if (e.status() != Status.ENODATA) {
                throw e;
            }
            value = null;
        }
        boolean open = r.openForRead() && a.isFile();
        if (!open) {
            return new LookupObjectReply(r.msgId(), Status.OK, a, value, false);
        }
        a = OpenCalls.open(ns, from, r.creds(), a.inode(), true, false);
        ReadChunkReply first = reads.where(r.msgId(), a.inode(), 0);
        if (!first.status().isOk() || first.chunkId() == 0) {
            // nothing to read there, or no copy to read it from: the client's own read says so
            return new LookupObjectReply(r.msgId(), Status.OK, a, value, true);
        }
        return new LookupObjectReply(r.msgId(), Status.OK, a, value, true, first.chunkId(), first.version(),
                first.locations());
    }
}
