package org.mfsj.client.master;

import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.DirChangeReply;
import org.mfsj.common.wire.client2master.Idempotent;
import org.mfsj.common.wire.client2master.Link;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.Rename;
import org.mfsj.common.wire.client2master.Rmdir;
import org.mfsj.common.wire.client2master.Symlink;
import org.mfsj.common.wire.client2master.Unlink;
import org.mfsj.common.wire.client2master.WithDirAttrs;

/**
 * Namespace changes answered with their directories' attributes ({@link WithDirAttrs}): one
 * master call each. Each carries one request id across its retries, as the plain calls do.
 */
public final class DirChangeRequests {
    /** What one of these calls returns, before the client adds its own view of open files. */
    public record Result(Attr entry, Attr dir, Attr otherDir, List<Long> changed) {
    }

    /** Builds the wrapped change for one message id and request id. */
    @FunctionalInterface
    private interface Change {
        Idempotent build(int msgId, long reqId);
    }

    private final MasterCalls master;

    public DirChangeRequests(MasterCalls master) {
        this.master = master;
    }

    public Result mknod(Creds c, long parent, String name, FileType type, int mode, int rdev) throws MfsException {
        return call((id, rq) -> new Mknod(id, c, parent, name, type, mode, rdev, rq),
                "mknod " + type + " '" + name + "' in " + parent);
    }

    /** Creates and opens a new regular file (the caller opens its handle on the returned entry). */
    public Result createOpen(Creds c, long parent, String name, int mode) throws MfsException {
        return call((id, rq) -> new CreateOpen(id, c, parent, name, mode, rq),
                "create and open '" + name + "' in " + parent);
    }

    public Result mkdir(Creds c, long parent, String name, int mode) throws MfsException {
        return call((id, rq) -> new Mkdir(id, c, parent, name, mode, rq), "mkdir '" + name + "' in " + parent);
    }

    public Result symlink(Creds c, long parent, String name, String target) throws MfsException {
        return call((id, rq) -> new Symlink(id, c, parent, name, target, rq), "symlink '" + name + "' in " + parent);
    }

    public Result link(Creds c, long inode, long newParent, String newName) throws MfsException {
        return call((id, rq) -> new Link(id, c, inode, newParent, newName, rq),
                "link " + inode + " as '" + newName + "' in " + newParent);
    }

    public Result unlink(Creds c, long parent, String name) throws MfsException {
        return call((id, rq) -> new Unlink(id, c, parent, name, rq), "unlink '" + name + "' in " + parent);
    }

    public Result rmdir(Creds c, long parent, String name) throws MfsException {
        return call((id, rq) -> new Rmdir(id, c, parent, name, rq), "rmdir '" + name + "' in " + parent);
    }

    public Result rename(Creds c, long srcParent, String srcName, long dstParent, String dstName)
            throws MfsException {
        return call((id, rq) -> new Rename(id, c, srcParent, srcName, dstParent, dstName, rq),
                "rename '" + srcName + "' in " + srcParent + " to '" + dstName + "' in " + dstParent);
    }

    private Result call(Change change, String what) throws MfsException {
        long rq = master.newRequestId();
        DirChangeReply r = master.request(id -> new WithDirAttrs(change.build(id, rq)), DirChangeReply.class, what);
        MfsException.check(r.status(), what);
        return new Result(r.entry(), r.dir(), r.otherDir(), r.changed());
    }
}
