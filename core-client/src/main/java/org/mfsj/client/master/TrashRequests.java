package org.mfsj.client.master;

import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.QuotaInfo;
import org.mfsj.common.types.TrashItem;
import org.mfsj.common.wire.client2master.CountReply;
import org.mfsj.common.wire.client2master.GetQuota;
import org.mfsj.common.wire.client2master.GetTrashTime;
import org.mfsj.common.wire.client2master.QuotaReply;
import org.mfsj.common.wire.client2master.SetQuota;
import org.mfsj.common.wire.client2master.ListTrash;
import org.mfsj.common.wire.client2master.PurgeTrash;
import org.mfsj.common.wire.client2master.RestoreTrash;
import org.mfsj.common.wire.client2master.SetTrashTime;
import org.mfsj.common.wire.client2master.Snapshot;
import org.mfsj.common.wire.client2master.TrashListReply;

/** Trash, snapshot and quota calls to the master; each change carries one request id across its retries. */
public final class TrashRequests {
    private final MasterCalls master;

    public TrashRequests(MasterCalls master) {
        this.master = master;
    }

    public long setTrashTime(Creds creds, long inode, long seconds, boolean recursive) throws MfsException {
        long rq = master.newRequestId();
        return count(master.request(id -> new SetTrashTime(id, creds, inode, seconds, recursive, rq),
                CountReply.class, "settrashtime " + seconds + " on " + inode), "settrashtime " + seconds + " on " + inode);
    }

    public long getTrashTime(long inode) throws MfsException {
        String what = "gettrashtime " + inode;
        return count(master.request(id -> new GetTrashTime(id, inode), CountReply.class, what), what);
    }

    public List<TrashItem> list() throws MfsException {
        TrashListReply r = master.request(ListTrash::new, TrashListReply.class, "list trash");
        MfsException.check(r.status(), "list trash");
        return r.items();
    }

    public Attr restore(Creds creds, long inode) throws MfsException {
        long rq = master.newRequestId();
        return master.attr(id -> new RestoreTrash(id, creds, inode, rq), "restore inode " + inode + " from trash");
    }

    public long purge(Creds creds, long inode) throws MfsException {
        long rq = master.newRequestId();
        String what = inode == 0 ? "purge trash" : "purge inode " + inode + " from trash";
        return count(master.request(id -> new PurgeTrash(id, creds, inode, rq), CountReply.class, what), what);
    }

    public long snapshot(Creds creds, long source, long dstParent, String name) throws MfsException {
        long rq = master.newRequestId();
        String what = "snapshot of " + source + " as '" + name + "' in " + dstParent;
        return count(master.request(id -> new Snapshot(id, creds, source, dstParent, name, rq), CountReply.class,
                what), what);
    }

    public void setQuota(Creds creds, long dir, long softBytes, long hardBytes, long softInodes, long hardInodes)
            throws MfsException {
        long rq = master.newRequestId();
        master.status(id -> new SetQuota(id, creds, dir, softBytes, hardBytes, softInodes, hardInodes, rq),
                "set quota of " + dir);
    }

    public QuotaInfo getQuota(long dir) throws MfsException {
        String what = "quota of " + dir;
        QuotaReply r = master.request(id -> new GetQuota(id, dir), QuotaReply.class, what);
        MfsException.check(r.status(), what);
        return r.quota();
    }

    private static long count(CountReply r, String what) throws MfsException {
        MfsException.check(r.status(), what);
        return r.count();
    }
}
