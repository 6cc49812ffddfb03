package org.mfsj.fuse;

import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.mfsj.fuse.lowlevel.FileInfo;
import org.mfsj.fuse.lowlevel.Kernel;
import org.mfsj.fuse.lowlevel.LowLevelOps;
import org.mfsj.fuse.lowlevel.Request;

/**
 * The libfuse low-level callbacks: each is one line that turns the kernel's node ids into inodes
 * and hands the request to its operation group through {@link FuseCall}, which answers failures
 * in one place.
 */
public final class LowLevelFs {
    private final Ops ops;
    private final Kernel k;
    private final FuseCall call = new FuseCall();
    private final LowLevelOps table = new LowLevelOps(Runtime.getSystemRuntime());

    public LowLevelFs(Ops ops, Kernel kernel) {
        this.ops = ops;
        this.k = kernel;
        bindNames();
        bindAttrs();
        bindFiles();
        bindDirsXattrsLocks();
    }

    public LowLevelOps table() {
        return table;
    }

    public FuseCall calls() {
        return call;
    }

    public Ops ops() {
        return ops;
    }

    private void run(String op, Pointer req, long node, FuseCall.Body body) {
        call.run(op, k.inode(node), new Request(req, k), body);
    }

    private void bindNames() {
        table.lookup.set((req, p, name) -> run("lookup", req, p, r -> ops.names().lookup(r, k.inode(p), name)));
        // inode numbers are never reused while known, and nothing here is kept per kernel lookup
        table.forget.set((req, ino, n) -> new Request(req, k).none());
        table.mknod.set((req, p, name, mode, rdev) -> run("mknod", req, p,
                r -> ops.names().mknod(r, k.inode(p), name, mode, rdev)));
        table.mkdir.set((req, p, name, mode) -> run("mkdir", req, p, r -> ops.names().mkdir(r, k.inode(p), name, mode)));
        table.unlink.set((req, p, name) -> run("unlink", req, p, r -> ops.names().unlink(r, k.inode(p), name)));
        table.rmdir.set((req, p, name) -> run("rmdir", req, p, r -> ops.names().rmdir(r, k.inode(p), name)));
        table.symlink.set((req, target, p, name) -> run("symlink", req, p,
                r -> ops.names().symlink(r, target, k.inode(p), name)));
        table.rename.set((req, p, name, np, newName) -> run("rename", req, p,
                r -> ops.names().rename(r, k.inode(p), name, k.inode(np), newName)));
        table.link.set((req, ino, np, name) -> run("link", req, ino,
                r -> ops.names().link(r, k.inode(ino), k.inode(np), name)));
        table.readlink.set((req, ino) -> run("readlink", req, ino, r -> ops.names().readlink(r, k.inode(ino))));
    }

    private void bindAttrs() {
        table.getattr.set((req, ino, fi) -> run("getattr", req, ino, r -> ops.attrs().getattr(r, k.inode(ino))));
        table.setattr.set((req, ino, st, toSet, fi) -> run("setattr", req, ino,
                r -> ops.attrs().setattr(r, k.inode(ino), st, toSet, FileInfo.of(fi))));
        table.access.set((req, ino, mask) -> run("access", req, ino, r -> ops.attrs().access(r, k.inode(ino), mask)));
        table.statfs.set((req, ino) -> run("statfs", req, ino, r -> ops.attrs().statfs(r)));
    }

    private void bindFiles() {
        table.create.set((req, p, name, mode, fi) -> run("create", req, p,
                r -> ops.files().create(r, k.inode(p), name, mode, FileInfo.of(fi))));
        table.open.set((req, ino, fi) -> run("open", req, ino, r -> ops.files().open(r, k.inode(ino), FileInfo.of(fi))));
        table.read.set((req, ino, size, off, fi) -> run("read", req, ino,
                r -> ops.files().read(r, size, off, FileInfo.of(fi))));
        table.write.set((req, ino, buf, size, off, fi) -> run("write", req, ino,
                r -> ops.files().write(r, buf, size, off, FileInfo.of(fi))));
        table.flush.set((req, ino, fi) -> run("flush", req, ino,
                r -> ops.files().flush(r, k.inode(ino), FileInfo.of(fi))));
        table.fsync.set((req, ino, datasync, fi) -> run("fsync", req, ino, r -> ops.files().fsync(r, FileInfo.of(fi))));
        table.release.set((req, ino, fi) -> run("release", req, ino,
                r -> ops.files().release(r, k.inode(ino), FileInfo.of(fi))));
    }

    private void bindDirsXattrsLocks() {
        table.opendir.set((req, ino, fi) -> run("opendir", req, ino,
                r -> ops.dirs().opendir(r, k.inode(ino), FileInfo.of(fi))));
        table.readdir.set((req, ino, size, off, fi) -> run("readdir", req, ino,
                r -> ops.dirs().readdir(r, size, off, FileInfo.of(fi))));
        table.releasedir.set((req, ino, fi) -> run("releasedir", req, ino,
                r -> ops.dirs().releasedir(r, FileInfo.of(fi))));
        // every namespace change is durable at the master before it is answered
        table.fsyncdir.set((req, ino, datasync, fi) -> run("fsyncdir", req, ino, Request::ok));
        table.setxattr.set((req, ino, name, value, size, flags) -> run("setxattr", req, ino,
                r -> ops.xattrs().setxattr(r, k.inode(ino), name, value, size, flags)));
        table.getxattr.set((req, ino, name, size) -> run("getxattr", req, ino,
                r -> ops.xattrs().getxattr(r, k.inode(ino), name, size)));
        table.listxattr.set((req, ino, size) -> run("listxattr", req, ino,
                r -> ops.xattrs().listxattr(r, k.inode(ino), size)));
        table.removexattr.set((req, ino, name) -> run("removexattr", req, ino,
                r -> ops.xattrs().removexattr(r, k.inode(ino), name)));
        table.getlk.set((req, ino, fi, lock) -> run("getlk", req, ino,
                r -> ops.locks().getlk(r, k.inode(ino), FileInfo.of(fi), lock)));
        table.setlk.set((req, ino, fi, lock, sleep) -> run("setlk", req, ino,
                r -> ops.locks().setlk(r, k.inode(ino), FileInfo.of(fi), lock, sleep != 0)));
        table.flock.set((req, ino, fi, op) -> run("flock", req, ino,
                r -> ops.locks().flock(r, k.inode(ino), FileInfo.of(fi), op)));
    }
}
