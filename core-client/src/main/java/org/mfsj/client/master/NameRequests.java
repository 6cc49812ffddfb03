package org.mfsj.client.master;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.client2master.Link;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.ReadLink;
import org.mfsj.common.wire.client2master.ReadLinkReply;
import org.mfsj.common.wire.client2master.Rename;
import org.mfsj.common.wire.client2master.Rmdir;
import org.mfsj.common.wire.client2master.Symlink;
import org.mfsj.common.wire.client2master.Unlink;

/**
 * Calls to the master that make, remove and move names, each one request; every change carries
 * one request id across its retries, so a retry after a lost answer is answered, not done again.
 * The attributes returned are the master's (the caller adds what its open files have unflushed).
 */
public final class NameRequests {
    private final MasterCalls master;

    public NameRequests(MasterCalls master) {
        this.master = master;
    }

    public Attr mkdir(Creds creds, long parent, String name, int mode) throws MfsException {
        long rq = master.newRequestId();
        return master.attr(id -> new Mkdir(id, creds, parent, name, mode, rq), "mkdir '" + name + "' in " + parent);
    }

    public Attr mknod(Creds creds, long parent, String name, FileType type, int mode, int rdev) throws MfsException {
        long rq = master.newRequestId();
        return master.attr(id -> new Mknod(id, creds, parent, name, type, mode, rdev, rq),
                "mknod " + type + " '" + name + "' in " + parent);
    }

    public void unlink(Creds creds, long parent, String name) throws MfsException {
        long rq = master.newRequestId();
        master.status(id -> new Unlink(id, creds, parent, name, rq), "unlink '" + name + "' in " + parent);
    }

    public void rmdir(Creds creds, long parent, String name) throws MfsException {
        long rq = master.newRequestId();
        master.status(id -> new Rmdir(id, creds, parent, name, rq), "rmdir '" + name + "' in " + parent);
    }

    public void rename(Creds creds, long srcParent, String srcName, long dstParent, String dstName)
            throws MfsException {
        long rq = master.newRequestId();
        master.status(id -> new Rename(id, creds, srcParent, srcName, dstParent, dstName, rq),
                "rename '" + srcName + "' in " + srcParent + " to '" + dstName + "' in " + dstParent);
    }

    public Attr link(Creds creds, long inode, long newParent, String newName) throws MfsException {
        long rq = master.newRequestId();
        return master.attr(id -> new Link(id, creds, inode, newParent, newName, rq),
                "link " + inode + " as '" + newName + "' in " + newParent);
    }

    public Attr symlink(Creds creds, long parent, String name, String target) throws MfsException {
        long rq = master.newRequestId();
        return master.attr(id -> new Symlink(id, creds, parent, name, target, rq), "symlink '" + name + "' in " + parent);
    }

    public String readlink(long inode) throws MfsException {
        String what = "readlink " + inode;
        ReadLinkReply r = master.read(id -> new ReadLink(id, inode), ReadLinkReply.class, what);
        MfsException.check(r.status(), what);
        return r.target();
    }
}
