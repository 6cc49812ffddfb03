package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.SetAttr;
import org.mfsj.master.namespace.acl.AclRules;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.InodeTable;
import static org.mfsj.master.namespace.SetAttr.ATIME;
import static org.mfsj.master.namespace.SetAttr.ATIME_NOW;
import static org.mfsj.master.namespace.SetAttr.GID;
import static org.mfsj.master.namespace.SetAttr.MODE;
import static org.mfsj.master.namespace.SetAttr.MTIME;
import static org.mfsj.master.namespace.SetAttr.MTIME_NOW;
import static org.mfsj.master.namespace.SetAttr.UID;

/**
 * chmod, chown and utimes with the POSIX permission rules. Length changes are {@link TruncateOp}'s;
 * this op ignores the LENGTH bit.
 */
public final class SetAttrOp {
    private final InodeTable tree;

    public SetAttrOp(InodeTable tree) {
        this.tree = tree;
    }

    /**
     * The resolved change, or null when the mask asks for nothing this op does, or asks (allowed)
     * for owner, group and mode the inode already has.
     */
    public SetAttrRecord validate(Creds c, long inode, SetAttr change, long nowNanos) throws MfsException {
        if (!change.has(MODE | UID | GID | ATIME | MTIME | ATIME_NOW | MTIME_NOW)) {
            return null;
        }
        Inode n = tree.require(inode);
        int mask = 0;
        int uid = n.uid();
        int gid = n.gid();
        int mode = n.mode();
        if (change.has(UID)) {
            checkChangeUid(c, n, change.uid());
            uid = change.uid();
            mask |= UID;
        }
        if (change.has(GID)) {
            checkChangeGid(c, n, change.gid());
            gid = change.gid();
            mask |= GID;
        }
        if (change.has(MODE)) {
            Access.checkOwner(c, n);
            mode = change.mode() & 07777;
            if (!c.isRoot() && !c.inGroup(gid)) {
                // only members of the file's group may make it setgid to that group
                mode &= ~Access.S_ISGID;
            }
            mask |= MODE;
        }
        if (change.has(UID | GID) && !c.isRoot() && !n.isDirectory()) {
            mode = withoutSetIds(mode);
            mask |= MODE;
        }
        if (!change.has(ATIME | MTIME | ATIME_NOW | MTIME_NOW) && uid == n.uid() && gid == n.gid()
                && mode == n.mode() && AclRules.accessAcl(n) == null) {
            // a chown or chmod to what the inode has (tar -x and cp -a set the owner of every
            // directory they make to what it is): nothing to log, so no force before the answer;
            // the ctime stays, which POSIX leaves open for a change of nothing
            return null;
        }
        long atime = resolveTime(c, n, change, ATIME, ATIME_NOW, change.atimeNanos(), nowNanos);
        long mtime = resolveTime(c, n, change, MTIME, MTIME_NOW, change.mtimeNanos(), nowNanos);
        mask |= change.has(ATIME | ATIME_NOW) ? ATIME : 0;
        mask |= change.has(MTIME | MTIME_NOW) ? MTIME : 0;
        return new SetAttrRecord(inode, mask, mode, uid, gid, atime, mtime, nowNanos);
    }

    public Attr apply(SetAttrRecord r) {
        Inode n = tree.expect(r.inode(), Inode.class);
        if ((r.mask() & MODE) != 0) {
            n.setMode(r.mode());
            AclRules.afterChmod(n);
        }
        if ((r.mask() & UID) != 0) {
            n.setUid(r.uid());
        }
        if ((r.mask() & GID) != 0) {
            n.setGid(r.gid());
        }
        if ((r.mask() & ATIME) != 0) {
            n.setAtime(r.atimeNanos());
        }
        if ((r.mask() & MTIME) != 0) {
            n.setMtime(r.mtimeNanos());
        }
        n.setCtime(r.timeNanos());
        return n.toAttr();
    }

    /** Giving a file away is root's alone; an owner may only "change" the uid to itself. */
    private static void checkChangeUid(Creds c, Inode n, int uid) throws MfsException {
        if (!c.isRoot() && !(c.uid() == n.uid() && uid == n.uid())) {
            throw new MfsException(Status.EPERM, "chown of inode " + n.id() + " to uid " + uid);
        }
    }

    /** The owner may move a file to any group they are a member of. */
    private static void checkChangeGid(Creds c, Inode n, int gid) throws MfsException {
        if (!c.isRoot() && !(c.uid() == n.uid() && (gid == n.gid() || c.inGroup(gid)))) {
            throw new MfsException(Status.EPERM, "chgrp of inode " + n.id() + " to gid " + gid);
        }
    }

    /**
     * After a non-root chown, setuid always goes; setgid goes only with group-execute, since
     * setgid without it marks mandatory locking, not privilege.
     */
    private static int withoutSetIds(int mode) {
        int m = mode & ~Access.S_ISUID;
        return (m & 0010) != 0 ? m & ~Access.S_ISGID : m;
    }

    /**
     * The new time for one of atime/mtime, or the current one when unchanged. Setting "now" takes
     * write permission (what touch needs); setting an explicit time takes ownership.
     */
    private static long resolveTime(Creds c, Inode n, SetAttr change, int explicitBit, int nowBit, long explicit,
            long nowNanos) throws MfsException {
        long current = explicitBit == ATIME ? n.atimeNanos() : n.mtimeNanos();
        if (change.has(nowBit)) {
            if (!Access.isOwnerOrRoot(c, n) && !Access.allows(c, n, Access.W)) {
                throw new MfsException(Status.EACCES, "touch of inode " + n.id());
            }
            return nowNanos;
        }
        if (change.has(explicitBit)) {
            Access.checkOwner(c, n);
            return explicit;
        }
        return current;
    }
}
