package org.mfsj.master.service;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.TrashItem;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.CountReply;
import org.mfsj.common.wire.client2master.EntryReply;
import org.mfsj.common.wire.client2master.GetTrashTime;
import org.mfsj.common.wire.client2master.ListTrash;
import org.mfsj.common.wire.client2master.PurgeTrash;
import org.mfsj.common.wire.client2master.RestoreTrash;
import org.mfsj.common.wire.client2master.SetTrashTime;
import org.mfsj.common.wire.client2master.Snapshot;
import org.mfsj.common.wire.client2master.TrashListReply;
import org.mfsj.master.namespace.Namespace;
import org.mfsj.master.net.RequestDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trash times, the trash itself (list, restore, purge, and its expiry loop) and snapshots. */
public final class TrashCalls {
    private static final Logger LOG = LoggerFactory.getLogger(TrashCalls.class);

    private final Namespace ns;

    public TrashCalls(Namespace ns) {
        this.ns = ns;
    }

    public void register(RequestDispatcher d) {
        d.on(SetTrashTime.class, (p, r) -> count(r.msgId(),
                ns.setTrashTime(r.creds(), r.inode(), r.seconds(), r.recursive())), TrashCalls::countError);
        d.on(GetTrashTime.class, (p, r) -> count(r.msgId(), ns.getTrashTime(r.inode())), TrashCalls::countError);
        d.on(ListTrash.class, (p, r) -> new TrashListReply(r.msgId(), Status.OK, ns.trash()),
                (id, st) -> new TrashListReply(id, st, java.util.List.of()));
        d.on(RestoreTrash.class, (p, r) -> new EntryReply(r.msgId(), Status.OK, ns.restore(r.creds(), r.inode())),
                ErrorReplies::entry);
        d.on(PurgeTrash.class, this::purge, TrashCalls::countError);
        d.on(Snapshot.class, (p, r) -> count(r.msgId(), ns.snapshot(r.creds(), r.source(), r.dstParent(), r.name())),
                TrashCalls::countError);
    }

    /**
     * A new file system (nothing logged yet) gets the configured trash time on its root, as a
     * logged change like any other.
     */
    public void initNewFileSystem(long version, int seconds) {
        if (version != 0 || seconds == 0) {
            return;
        }
        try {
            ns.setTrashTime(Creds.ROOT, Namespace.ROOT, seconds, false);
            LOG.info("new file system: trash time of the root set to {} s", seconds);
        } catch (MfsException e) {
            throw new IllegalStateException("cannot set the root's trash time", e);
        }
    }

    /** The purge loop: frees every file in trash past its time. */
    public void purgeExpired() {
        int n = ns.purgeExpired();
        if (n > 0) {
            LOG.info("trash: {} files past their trash time freed", n);
        }
    }

    private Message purge(Peer from, PurgeTrash r) throws MfsException {
        if (r.inode() != 0) {
            ns.purge(r.creds(), r.inode());
            return count(r.msgId(), 1);
        }
        long n = 0;
        for (TrashItem t : ns.trash()) {
            try {
                ns.purge(r.creds(), t.inode());
                n++;
            } catch (MfsException e) {
                if (e.status() != Status.EPERM) {
                    throw e;
                }
            }
        }
        LOG.info("client {} purged {} files from trash", from.remote(), n);
        return count(r.msgId(), n);
    }

    private static Message count(int msgId, long n) {
        return new CountReply(msgId, Status.OK, n);
    }

    private static Message countError(int msgId, Status st) {
        return new CountReply(msgId, st, 0);
    }
}
