package org.mfsj.master.namespace.op;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.master.namespace.acl.AclRules;
import org.mfsj.master.namespace.acl.PosixAcl;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.Inode;

/**
 * Classic Unix permission checks: exactly one of the owner, group or other triplets applies (an
 * owner denied by the owner bits is denied even if "other" would allow). Root passes every rwx
 * check except execute on a non-directory with no x bit at all, as the kernel does.
 */
public final class Access {
    public static final int R = 4;
    public static final int W = 2;
    public static final int X = 1;

    public static final int S_ISUID = 04000;
    public static final int S_ISGID = 02000;
    public static final int S_ISVTX = 01000;

    private Access() {
    }

    public static boolean allows(Creds c, Inode n, int want) {
        if (c.isRoot()) {
            return (want & X) == 0 || n.isDirectory() || (n.mode() & 0111) != 0;
        }
        PosixAcl acl = AclRules.accessAcl(n);
        if (acl != null) {
            return acl.allows(c, n.uid(), n.gid(), want);
        }
        int bits;
        if (c.uid() == n.uid()) {
            bits = n.mode() >> 6;
        } else if (c.inGroup(n.gid())) {
            bits = n.mode() >> 3;
        } else {
            bits = n.mode();
        }
        return (bits & want) == want;
    }

    /** EACCES unless {@code c} has every bit of {@code want} (R, W, X) on {@code n}. */
    public static void check(Creds c, Inode n, int want) throws MfsException {
        if (!allows(c, n, want)) {
            throw new MfsException(Status.EACCES, "inode " + n.id() + " for uid " + c.uid());
        }
    }

    public static boolean isOwnerOrRoot(Creds c, Inode n) {
        return c.isRoot() || c.uid() == n.uid();
    }

    /** EPERM unless {@code c} owns {@code n} or is root (chmod, explicit utimes, setgoal). */
    public static void checkOwner(Creds c, Inode n) throws MfsException {
        if (!isOwnerOrRoot(c, n)) {
            throw new MfsException(Status.EPERM, "uid " + c.uid() + " does not own inode " + n.id());
        }
    }

    /**
     * Removing or replacing {@code victim} in {@code dir}: write and search on the directory, and
     * in a sticky directory only root, the directory's owner or the victim's owner may do it.
     */
    public static void checkDelete(Creds c, DirNode dir, Inode victim) throws MfsException {
        check(c, dir, W | X);
        boolean sticky = (dir.mode() & S_ISVTX) != 0;
        if (sticky && !c.isRoot() && c.uid() != dir.uid() && c.uid() != victim.uid()) {
            throw new MfsException(Status.EPERM, "sticky directory " + dir.id() + " protects inode " + victim.id());
        }
    }
}
