package org.mfsj.fuse.lowlevel;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.Delegate;

/**
 * The C signatures of struct fuse_lowlevel_ops' members, one interface per distinct signature.
 * {@code req} is a fuse_req_t, {@code fi} a struct fuse_file_info *, inode numbers are fuse_ino_t.
 */
public final class LowLevelCallbacks {
    private LowLevelCallbacks() {
    }

    @FunctionalInterface
    public interface Init {
        @Delegate
        void call(Pointer userdata, Pointer conn);
    }

    /** lookup, unlink, rmdir, removexattr. */
    @FunctionalInterface
    public interface NameOp {
        @Delegate
        void call(Pointer req, long parent, String name);
    }

    @FunctionalInterface
    public interface Forget {
        @Delegate
        void call(Pointer req, long ino, long nlookup);
    }

    /** getattr, open, flush, release, opendir, releasedir. */
    @FunctionalInterface
    public interface FileOp {
        @Delegate
        void call(Pointer req, long ino, Pointer fi);
    }

    @FunctionalInterface
    public interface SetAttr {
        @Delegate
        void call(Pointer req, long ino, Pointer stat, int toSet, Pointer fi);
    }

    /** readlink, statfs. */
    @FunctionalInterface
    public interface InodeOp {
        @Delegate
        void call(Pointer req, long ino);
    }

    @FunctionalInterface
    public interface Mknod {
        @Delegate
        void call(Pointer req, long parent, String name, int mode, long rdev);
    }

    @FunctionalInterface
    public interface Mkdir {
        @Delegate
        void call(Pointer req, long parent, String name, int mode);
    }

    @FunctionalInterface
    public interface Symlink {
        @Delegate
        void call(Pointer req, String target, long parent, String name);
    }

    @FunctionalInterface
    public interface Rename {
        @Delegate
        void call(Pointer req, long parent, String name, long newParent, String newName);
    }

    @FunctionalInterface
    public interface Link {
        @Delegate
        void call(Pointer req, long ino, long newParent, String newName);
    }

    /** read, readdir. */
    @FunctionalInterface
    public interface ReadOp {
        @Delegate
        void call(Pointer req, long ino, long size, long offset, Pointer fi);
    }

    @FunctionalInterface
    public interface Write {
        @Delegate
        void call(Pointer req, long ino, Pointer buf, long size, long offset, Pointer fi);
    }

    /** fsync, fsyncdir. */
    @FunctionalInterface
    public interface Fsync {
        @Delegate
        void call(Pointer req, long ino, int datasync, Pointer fi);
    }

    @FunctionalInterface
    public interface SetXattr {
        @Delegate
        void call(Pointer req, long ino, String name, Pointer value, long size, int flags);
    }

    @FunctionalInterface
    public interface GetXattr {
        @Delegate
        void call(Pointer req, long ino, String name, long size);
    }

    @FunctionalInterface
    public interface ListXattr {
        @Delegate
        void call(Pointer req, long ino, long size);
    }

    @FunctionalInterface
    public interface Access {
        @Delegate
        void call(Pointer req, long ino, int mask);
    }

    @FunctionalInterface
    public interface Create {
        @Delegate
        void call(Pointer req, long parent, String name, int mode, Pointer fi);
    }

    @FunctionalInterface
    public interface GetLk {
        @Delegate
        void call(Pointer req, long ino, Pointer fi, Pointer lock);
    }

    @FunctionalInterface
    public interface SetLk {
        @Delegate
        void call(Pointer req, long ino, Pointer fi, Pointer lock, int sleep);
    }

    @FunctionalInterface
    public interface Flock {
        @Delegate
        void call(Pointer req, long ino, Pointer fi, int op);
    }
}
