package org.mfsj.fuse.ops;

import org.mfsj.client.MfsClient;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.fuse.cache.Names;
import org.mfsj.fuse.lowlevel.Request;

/**
 * Drops setuid/setgid where the kernel leaves it to the mount (it took FUSE_HANDLE_KILLPRIV_V2 at
 * INIT so that the kernel stops asking getxattr before every write): on a write or a truncate by
 * a caller without CAP_FSETID, and on a chown of anything but a directory, as a local file system
 * does. The change goes to the master as root's chmod, since the writer need not own the file and
 * taking these bits away is part of any write it may do. Files with either bit are rare, so a
 * write to any other costs one cache look-up.
 */
final class SetIdDrop {
    private static final int SETUID = 04000;
    private static final int SETGID = 02000;
    private static final int GROUP_EXEC = 0010;

    private final MfsClient client;
    private final Names names;
    private final DeferredTimes deferredTimes;

    SetIdDrop(MfsClient client, Names names, DeferredTimes deferredTimes) {
        this.client = client;
        this.names = names;
        this.deferredTimes = deferredTimes;
    }

    /**
     * Before a write the kernel asked it for: judged on the attributes this mount last had, as the
     * kernel judged on its own copy before it handed the job over.
     */
    void beforeWrite(Request r, long inode) throws MfsException {
        Attr a = names.lastKnownAttr(inode);
        if (a == null) {
            a = names.attrOf(inode);
        }
        if (kept(a.mode()) != a.mode()) {
            drop(a);
            r.kernel().forgetAttributes(inode);
        }
    }

    /** After a setattr the kernel asked it for: {@code after} is the master's answer to the change. */
    Attr after(Attr after) throws MfsException {
        return kept(after.mode()) == after.mode() ? after : drop(after);
    }

    private Attr drop(Attr a) throws MfsException {
        // times kept here were set before this change, so they go first
        deferredTimes.send(a.inode());
        return names.learnedAttr(client.setattr(Creds.ROOT, a.inode(), SetAttrRequest.chmod(kept(a.mode()))));
    }

    /** setuid always goes; setgid only with group-execute (without it, it marks mandatory locking). */
    static int kept(int mode) {
        int m = mode & ~SETUID;
        return (m & GROUP_EXEC) != 0 ? m & ~SETGID : m;
    }
}
