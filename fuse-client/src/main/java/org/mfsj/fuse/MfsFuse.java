package org.mfsj.fuse;

import jnr.ffi.Pointer;
import jnr.ffi.Struct;
import jnr.ffi.types.dev_t;
import jnr.ffi.types.gid_t;
import jnr.ffi.types.mode_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import jnr.ffi.types.uid_t;
import org.mfsj.fuse.context.CallerSource;
import org.mfsj.fuse.context.FuseCallers;
import org.mfsj.fuse.context.ProcGroups;
import ru.serce.jnrfuse.FuseFillDir;
import ru.serce.jnrfuse.FuseStubFS;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.Flock;
import ru.serce.jnrfuse.struct.FuseFileInfo;
import ru.serce.jnrfuse.struct.Statvfs;
import ru.serce.jnrfuse.struct.Timespec;

/**
 * The libfuse (high-level, path-based) callbacks: each is one line that hands the call to its
 * operation group through {@link FuseCall}, which maps failures to errno in one place.
 */
public final class MfsFuse extends FuseStubFS {
    /** libfuse2's flag_utime_omit_ok: bit 2 of the flag word that follows bmap in struct fuse_operations. */
    private static final byte UTIME_OMIT_OK = 1 << 2;
    /** Function pointers before that word: getattr ... bmap in libfuse 2.9's struct fuse_operations. */
    private static final int CALLBACKS_BEFORE_FLAGS = 38;

    private final FuseCall call = new FuseCall();
    private final Ops ops;
    private final String fsName;

    /** {@code wiring} builds the operations once this file system can report its callers. */
    public MfsFuse(String fsName, java.util.function.Function<CallerSource, Ops> wiring) {
        this.fsName = fsName;
        this.ops = wiring.apply(new FuseCallers(this::getContext, ProcGroups.system()));
        // without this flag libfuse drops utimensat calls that change only one of the two times
        long flags = (long) CALLBACKS_BEFORE_FLAGS * fuseOperations.getRuntime().addressSize();
        Struct.getMemory(fuseOperations).putByte(flags, UTIME_OMIT_OK);
    }

    public FuseCall calls() {
        return call;
    }

    public Ops ops() {
        return ops;
    }

    @Override
    protected String getFSName() {
        return fsName;
    }

    @Override
    public int getattr(String path, FileStat stat) {
        return call.run("getattr", path, () -> ops.attrs().getattr(path, stat));
    }

    @Override
    public int fgetattr(String path, FileStat stbuf, FuseFileInfo fi) {
        return call.run("fgetattr", path, () -> ops.attrs().fgetattr(fi.fh.get(), stbuf));
    }

    @Override
    public int readlink(String path, Pointer buf, @size_t long size) {
        return call.run("readlink", path, () -> ops.names().readlink(path, buf, size));
    }

    @Override
    public int mknod(String path, @mode_t long mode, @dev_t long rdev) {
        return call.run("mknod", path, () -> ops.names().mknod(path, mode, rdev));
    }

    @Override
    public int mkdir(String path, @mode_t long mode) {
        return call.run("mkdir", path, () -> ops.names().mkdir(path, mode));
    }

    @Override
    public int unlink(String path) {
        return call.run("unlink", path, () -> ops.names().unlink(path));
    }

    @Override
    public int rmdir(String path) {
        return call.run("rmdir", path, () -> ops.names().rmdir(path));
    }

    @Override
    public int symlink(String target, String path) {
        return call.run("symlink", path, () -> ops.names().symlink(target, path));
    }

    @Override
    public int rename(String from, String to) {
        return call.run("rename", from, () -> ops.names().rename(from, to));
    }

    @Override
    public int link(String existing, String path) {
        return call.run("link", path, () -> ops.names().link(existing, path));
    }

    @Override
    public int chmod(String path, @mode_t long mode) {
        return call.run("chmod", path, () -> ops.attrs().chmod(path, mode));
    }

    @Override
    public int chown(String path, @uid_t long uid, @gid_t long gid) {
        return call.run("chown", path, () -> ops.attrs().chown(path, uid, gid));
    }

    @Override
    public int truncate(String path, @off_t long size) {
        return call.run("truncate", path, () -> ops.attrs().truncate(path, size));
    }

    @Override
    public int ftruncate(String path, @off_t long size, FuseFileInfo fi) {
        return call.run("ftruncate", path, () -> ops.attrs().ftruncate(fi.fh.get(), size));
    }

    @Override
    public int utimens(String path, Timespec[] timespec) {
        return call.run("utimens", path, () -> ops.attrs().utimens(path, timespec));
    }

    @Override
    public int access(String path, int mask) {
        return call.run("access", path, () -> ops.attrs().access(path, mask));
    }

    @Override
    public int statfs(String path, Statvfs stbuf) {
        return call.run("statfs", path, () -> ops.attrs().statfs(stbuf));
    }

    @Override
    public int create(String path, @mode_t long mode, FuseFileInfo fi) {
        return call.run("create", path, () -> ops.files().create(path, mode, fi));
    }

    @Override
    public int open(String path, FuseFileInfo fi) {
        return call.run("open", path, () -> ops.files().open(path, fi));
    }

    @Override
    public int read(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
        return call.run("read", path, () -> ops.files().read(fi.fh.get(), buf, size, offset));
    }

    @Override
    public int write(String path, Pointer buf, @size_t long size, @off_t long offset, FuseFileInfo fi) {
        return call.run("write", path, () -> ops.files().write(fi.fh.get(), buf, size, offset));
    }

    @Override
    public int flush(String path, FuseFileInfo fi) {
        return call.run("flush", path, () -> ops.files().flush(fi.fh.get()));
    }

    @Override
    public int fsync(String path, int isdatasync, FuseFileInfo fi) {
        return call.run("fsync", path, () -> ops.files().fsync(fi.fh.get()));
    }

    @Override
    public int release(String path, FuseFileInfo fi) {
        return call.run("release", path, () -> ops.release(fi.fh.get()));
    }

    @Override
    public int opendir(String path, FuseFileInfo fi) {
        return call.run("opendir", path, () -> {
            fi.fh.set(ops.dirs().opendir(path));
            return 0;
        });
    }

    @Override
    public int readdir(String path, Pointer buf, FuseFillDir filter, @off_t long offset, FuseFileInfo fi) {
        return call.run("readdir", path, () -> ops.dirs().readdir(fi.fh.get(), buf, filter, offset));
    }

    @Override
    public int releasedir(String path, FuseFileInfo fi) {
        return call.run("releasedir", path, () -> ops.dirs().releasedir(fi.fh.get()));
    }

    @Override
    public int fsyncdir(String path, FuseFileInfo fi) {
        // every namespace change is durable at the master before it is answered
        return 0;
    }

    @Override
    public int setxattr(String path, String name, Pointer value, @size_t long size, int flags) {
        return call.run("setxattr", path, () -> ops.xattrs().setxattr(path, name, value, size, flags));
    }

    @Override
    public int getxattr(String path, String name, Pointer value, @size_t long size) {
        return call.run("getxattr", path, () -> ops.xattrs().getxattr(path, name, value, size));
    }

    @Override
    public int listxattr(String path, Pointer list, @size_t long size) {
        return call.run("listxattr", path, () -> ops.xattrs().listxattr(path, list, size));
    }

    @Override
    public int removexattr(String path, String name) {
        return call.run("removexattr", path, () -> ops.xattrs().removexattr(path, name));
    }

    @Override
    public int lock(String path, FuseFileInfo fi, int cmd, Flock flock) {
        return call.run("lock", path, () -> ops.locks().lock(fi.fh.get(), fi.lock_owner.get(), cmd, flock));
    }

    @Override
    public int flock(String path, FuseFileInfo fi, int op) {
        return call.run("flock", path, () -> ops.locks().flock(fi.fh.get(), fi.lock_owner.get(), op));
    }
}
