package org.mfsj.fuse.ops;

import java.nio.charset.StandardCharsets;
import jnr.ffi.Pointer;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.FileType;
import org.mfsj.fuse.cache.Resolver;
import org.mfsj.fuse.cache.Resolver.Parent;
import org.mfsj.fuse.context.CallerSource;

/**
 * Operations on names: mknod, mkdir, unlink, rmdir, symlink, readlink, rename, link. Each keeps the
 * name cache coherent with what it changed, so this mount never serves a name it removed.
 */
public final class NameOps {
    private final MfsClient client;
    private final Resolver names;
    private final CallerSource callers;

    public NameOps(MfsClient client, Resolver names, CallerSource callers) {
        this.client = client;
        this.names = names;
        this.callers = callers;
    }

    public int mknod(String path, long mode, long rdev) throws MfsException {
        FileType t = StatFill.typeOf(mode);
        if (t == null || t == FileType.DIRECTORY || t == FileType.SYMLINK) {
            throw new MfsException(Status.EINVAL, "mknod of mode " + Long.toOctalString(mode));
        }
        Creds c = callers.current().creds();
        Parent p = names.parent(c, path);
        Attr a = client.mknod(c, p.dir(), p.name(), t, (int) mode & 07777, (int) rdev);
        created(p, a);
        return 0;
    }

    public int mkdir(String path, long mode) throws MfsException {
        Creds c = callers.current().creds();
        Parent p = names.parent(c, path);
        created(p, client.mkdir(c, p.dir(), p.name(), (int) mode & 07777));
        return 0;
    }

    public int symlink(String target, String path) throws MfsException {
        Creds c = callers.current().creds();
        Parent p = names.parent(c, path);
        created(p, client.symlink(c, p.dir(), p.name(), target));
        return 0;
    }

    public int link(String existing, String path) throws MfsException {
        Creds c = callers.current().creds();
        Attr old = names.attr(c, existing);
        Parent p = names.parent(c, path);
        created(p, client.link(c, old.inode(), p.dir(), p.name()));
        return 0;
    }

    public int unlink(String path) throws MfsException {
        return remove(path, false);
    }

    public int rmdir(String path) throws MfsException {
        return remove(path, true);
    }

    public int rename(String from, String to) throws MfsException {
        Creds c = callers.current().creds();
        Parent src = names.parent(c, from);
        Parent dst = names.parent(c, to);
        long moved = names.cachedChild(src.dir(), src.name());
        long replaced = names.cachedChild(dst.dir(), dst.name());
        try {
            client.rename(c, src.dir(), src.name(), dst.dir(), dst.name());
        } finally {
            // whatever the outcome, neither name is trusted any more: the next use asks the master
            removed(src, moved);
            removed(dst, replaced);
        }
        return 0;
    }

    /** readlink(2) into a buffer of {@code size} bytes, NUL-terminated and cut to fit as libfuse wants. */
    public int readlink(String path, Pointer buf, long size) throws MfsException {
        Attr a = names.attr(callers.current().creds(), path);
        if (a.type() != FileType.SYMLINK) {
            throw new MfsException(Status.EINVAL, "inode " + a.inode() + " is not a symbolic link");
        }
        byte[] target = client.readlink(a.inode()).getBytes(StandardCharsets.UTF_8);
        if (size <= 0) {
            return 0;
        }
        int n = (int) Math.min(target.length, size - 1);
        buf.put(0, target, 0, n);
        buf.putByte(n, (byte) 0);
        return 0;
    }

    private int remove(String path, boolean dir) throws MfsException {
        Creds c = callers.current().creds();
        Parent p = names.parent(c, path);
        long victim = names.cachedChild(p.dir(), p.name());
        try {
            if (dir) {
                client.rmdir(c, p.dir(), p.name());
            } else {
                client.unlink(c, p.dir(), p.name());
            }
        } finally {
            removed(p, victim);
        }
        return 0;
    }

    private void created(Parent p, Attr a) {
        names.learned(p.dir(), p.name(), a);
        names.invalidate(p.dir());
    }

    private void removed(Parent p, long victim) {
        names.forget(p.dir(), p.name());
        names.invalidate(p.dir());
        if (victim != 0) {
            names.invalidate(victim);
        }
    }
}
