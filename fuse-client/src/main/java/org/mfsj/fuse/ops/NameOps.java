package org.mfsj.fuse.ops;

import org.mfsj.client.DirChange;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.fuse.cache.Names;
import org.mfsj.fuse.lowlevel.Request;
import org.mfsj.fuse.lowlevel.StatFill;

/**
 * Operations on names: lookup, mknod, mkdir, unlink, rmdir, symlink, readlink, rename, link. Each
 * keeps this mount's name cache coherent with what it changed; the kernel updates its own.
 */
public final class NameOps {
    private final MfsClient client;
    private final Names names;

    public NameOps(MfsClient client, Names names) {
        this.client = client;
        this.names = names;
    }

    public void lookup(Request r, long dir, String name) throws MfsException {
        r.entry(names.child(r.creds(), dir, name));
    }

    public void mknod(Request r, long dir, String name, int mode, long rdev) throws MfsException {
        FileType t = StatFill.typeOf(mode);
        if (t == null || t == FileType.DIRECTORY || t == FileType.SYMLINK) {
            throw new MfsException(Status.EINVAL, "mknod of mode " + Integer.toOctalString(mode));
        }
        created(r, dir, name, true, () -> client.mknodWithDir(r.creds(), dir, name, t, mode & 07777, (int) rdev));
    }

    public void mkdir(Request r, long dir, String name, int mode) throws MfsException {
        created(r, dir, name, true, () -> client.mkdirWithDir(r.creds(), dir, name, mode & 07777));
    }

    public void symlink(Request r, String target, long dir, String name) throws MfsException {
        created(r, dir, name, true, () -> client.symlinkWithDir(r.creds(), dir, name, target));
    }

    public void link(Request r, long inode, long dir, String name) throws MfsException {
        created(r, dir, name, false, () -> client.linkWithDir(r.creds(), inode, dir, name));
    }

    public void unlink(Request r, long dir, String name) throws MfsException {
        remove(r, dir, name, false);
    }

    public void rmdir(Request r, long dir, String name) throws MfsException {
        remove(r, dir, name, true);
    }

    public void rename(Request r, long dir, String name, long newDir, String newName) throws MfsException {
        long moved = names.cachedChild(dir, name);
        long replaced = names.cachedChild(newDir, newName);
        DirChange d;
        try {
            d = changed(dir, newDir, () -> client.renameWithDirs(r.creds(), dir, name, newDir, newName));
        } finally {
            // whatever the outcome, neither name is trusted any more: the next use asks the master
            removed(dir, name, moved);
            removed(newDir, newName, replaced);
        }
        dirsAfter(d, dir, newDir);
        names.removed(dir, name);
        names.added(newDir, newName);
        r.ok();
    }

    public void readlink(Request r, long inode) throws MfsException {
        Attr a = names.attrOf(inode);
        if (a.type() != FileType.SYMLINK) {
            throw new MfsException(Status.EINVAL, "inode " + a.inode() + " is not a symbolic link");
        }
        r.readlink(client.readlink(inode));
    }

    private void remove(Request r, long dir, String name, boolean isDir) throws MfsException {
        Creds c = r.creds();
        long victim = names.cachedChild(dir, name);
        DirChange d;
        try {
            d = changed(dir, 0, () -> isDir ? client.rmdirWithDir(c, dir, name) : client.unlinkWithDir(c, dir, name));
        } finally {
            removed(dir, name, victim);
        }
        dirsAfter(d, dir, 0);
        names.removed(dir, name);
        r.ok();
    }

    private void created(Request r, long dir, String name, boolean made, Change change) throws MfsException {
        long since = names.now();
        DirChange d = changed(dir, 0, change);
        Attr a = names.learned(dir, name, d.entry());
        names.changedDir(dir, d.dir());
        names.added(dir, name);
        if (made && a.isDirectory()) {
            names.madeEmpty(a.inode(), since);
        }
        r.entry(a);
    }

    /** Runs a change of names in {@code dir} (and {@code otherDir}); when it fails, their names are asked again. */
    private DirChange changed(long dir, long otherDir, Change change) throws MfsException {
        try {
            return change.run();
        } catch (MfsException | RuntimeException e) {
            names.namesUnknown(dir);
            if (otherDir != 0) {
                names.namesUnknown(otherDir);
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface Change {
        DirChange run() throws MfsException;
    }

    /**
     * After a removal or rename the directories' attributes come with the answer; the inodes that
     * lost or moved a name (their link count or ctime changed) stay invalidated.
     */
    private void dirsAfter(DirChange d, long dir, long otherDir) {
        names.changedDir(dir, d.dir());
        if (otherDir != 0 && otherDir != dir) {
            names.changedDir(otherDir, d.otherDir());
        }
        for (long inode : d.changed()) {
            names.invalidate(inode);
        }
    }

    private void removed(long dir, String name, long victim) {
        names.forget(dir, name);
        names.invalidate(dir);
        if (victim != 0) {
            names.invalidate(victim);
        }
    }
}
