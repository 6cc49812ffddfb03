package org.mfsj.client.master;

import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.client2master.GetXattr;
import org.mfsj.common.wire.client2master.ListXattr;
import org.mfsj.common.wire.client2master.RemoveXattr;
import org.mfsj.common.wire.client2master.SetXattr;
import org.mfsj.common.wire.client2master.XattrListReply;
import org.mfsj.common.wire.client2master.XattrReply;

/** Extended attribute calls to the master; reads may go to a follower, changes carry one request id across retries. */
public final class XattrRequests {
    private final MasterCalls master;

    public XattrRequests(MasterCalls master) {
        this.master = master;
    }

    public byte[] get(Creds creds, long inode, String name) throws MfsException {
        String what = "getxattr '" + name + "' of " + inode;
        XattrReply r = master.read(id -> new GetXattr(id, creds, inode, name), XattrReply.class, what);
        MfsException.check(r.status(), what);
        return r.value();
    }

    public void set(Creds creds, long inode, String name, byte[] value, int flags) throws MfsException {
        long rq = master.newRequestId();
        master.status(id -> new SetXattr(id, creds, inode, name, value, flags, rq), "setxattr '" + name + "' of " + inode);
    }

    public List<String> list(Creds creds, long inode) throws MfsException {
        String what = "listxattr " + inode;
        XattrListReply r = master.read(id -> new ListXattr(id, creds, inode), XattrListReply.class, what);
        MfsException.check(r.status(), what);
        return List.copyOf(r.names());
    }

    public void remove(Creds creds, long inode, String name) throws MfsException {
        long rq = master.newRequestId();
        master.status(id -> new RemoveXattr(id, creds, inode, name, rq), "removexattr '" + name + "' of " + inode);
    }
}
