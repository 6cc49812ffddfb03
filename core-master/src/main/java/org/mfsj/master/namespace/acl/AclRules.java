package org.mfsj.master.namespace.acl;

import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.master.namespace.tree.DirNode;
import org.mfsj.master.namespace.tree.Inode;
import org.mfsj.master.namespace.tree.Xattrs;

/**
 * Where ACLs meet the namespace: the access ACL of an inode for permission checks, the mode
 * kept in step with it (setfacl and chmod), and inheritance of a directory's default ACL by what
 * is created in it. Everything that changes state here runs in ops' apply, so replay does the same.
 */
public final class AclRules {
    private AclRules() {
    }

    public static boolean isAclName(String name) {
        return PosixAcl.ACCESS.equals(name) || PosixAcl.DEFAULT.equals(name);
    }

    /** The inode's access ACL, or null when its mode bits are all there is. */
    public static PosixAcl accessAcl(Inode n) {
        Xattrs x = n.xattrsOrNull();
        byte[] raw = x == null ? null : x.get(PosixAcl.ACCESS);
        if (raw == null) {
            return null;
        }
        try {
            return PosixAcl.parse(raw);
        } catch (MfsException e) {
            // only validated ACLs are ever stored
            throw new IllegalStateException("stored ACL of inode " + n.id() + " is invalid", e);
        }
    }

    /** Checks an ACL xattr before it is recorded: well formed, and a default ACL only on a directory. */
    public static void checkSet(Inode n, String name, byte[] value) throws MfsException {
        if (PosixAcl.DEFAULT.equals(name) && !n.isDirectory()) {
            throw new MfsException(Status.EACCES, "default ACL on non-directory inode " + n.id());
        }
        if (PosixAcl.DEFAULT.equals(name) && value.length == 0) {
            return;
        }
        PosixAcl.parse(value);
    }

    /**
     * Stores an ACL xattr as setxattr asked; an access ACL also sets the mode's rwx bits, and a
     * minimal one (owner, group, other) is only a mode and is not kept.
     */
    public static void applySet(Inode n, String name, byte[] value) {
        if (PosixAcl.DEFAULT.equals(name) && value.length == 0) {
            n.xattrs().remove(name);
            return;
        }
        PosixAcl acl = parseStored(n, value);
        if (PosixAcl.ACCESS.equals(name)) {
            n.setMode((n.mode() & ~0777) | acl.modeBits());
            if (acl.isMinimal()) {
                n.xattrs().remove(name);
                return;
            }
        }
        n.xattrs().put(name, acl.encode());
    }

    /** chmod on an inode with an access ACL: its owner, mask (or group) and other entries follow. */
    public static void afterChmod(Inode n) {
        PosixAcl acl = accessAcl(n);
        if (acl != null) {
            n.xattrs().put(PosixAcl.ACCESS, acl.withMode(n.mode()).encode());
        }
    }

    /**
     * A new inode under {@code parent}: with a default ACL there, the inode's access ACL comes
     * from it (limited by the mode asked for, which it replaces), and a new directory inherits
     * the default ACL itself.
     */
    public static void inherit(DirNode parent, Inode child) {
        Xattrs px = parent.xattrsOrNull();
        byte[] raw = px == null ? null : px.get(PosixAcl.DEFAULT);
        if (raw == null) {
            return;
        }
        PosixAcl inherited = parseStored(parent, raw).inheritedBy(child.mode());
        child.setMode((child.mode() & ~0777) | inherited.modeBits());
        if (!inherited.isMinimal()) {
            child.xattrs().put(PosixAcl.ACCESS, inherited.encode());
        }
        if (child.isDirectory()) {
            child.xattrs().put(PosixAcl.DEFAULT, raw.clone());
        }
    }

    private static PosixAcl parseStored(Inode n, byte[] value) {
        try {
            return PosixAcl.parse(value);
        } catch (MfsException e) {
            throw new IllegalStateException("ACL record for inode " + n.id() + " was not validated", e);
        }
    }
}
