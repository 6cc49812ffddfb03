package org.mfsj.fuse.lowlevel;

import jnr.ffi.BaseStruct;
import jnr.ffi.Runtime;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Access;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Create;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.FileOp;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Flock;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Forget;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Fsync;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.GetLk;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.GetXattr;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Init;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.InodeOp;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Link;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.ListXattr;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Mkdir;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Mknod;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.NameOp;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.ReadOp;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Rename;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.SetAttr;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.SetLk;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.SetXattr;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Symlink;
import org.mfsj.fuse.lowlevel.LowLevelCallbacks.Write;

/**
 * libfuse 2.9's struct fuse_lowlevel_ops: 41 function pointers in declaration order (328 bytes on
 * x86_64, checked against the C header by LowLevelLayoutTest). Members left unset stay NULL, which
 * libfuse answers with ENOSYS (or, for forget_multi, by calling forget per inode).
 */
public final class LowLevelOps extends BaseStruct {
    public final Func<Init> init = func(Init.class);
    public final Func<Init> destroy = func(Init.class);
    public final Func<NameOp> lookup = func(NameOp.class);
    public final Func<Forget> forget = func(Forget.class);
    public final Func<FileOp> getattr = func(FileOp.class);
    public final Func<SetAttr> setattr = func(SetAttr.class);
    public final Func<InodeOp> readlink = func(InodeOp.class);
    public final Func<Mknod> mknod = func(Mknod.class);
    public final Func<Mkdir> mkdir = func(Mkdir.class);
    public final Func<NameOp> unlink = func(NameOp.class);
    public final Func<NameOp> rmdir = func(NameOp.class);
    public final Func<Symlink> symlink = func(Symlink.class);
    public final Func<Rename> rename = func(Rename.class);
    public final Func<Link> link = func(Link.class);
    public final Func<FileOp> open = func(FileOp.class);
    public final Func<ReadOp> read = func(ReadOp.class);
    public final Func<Write> write = func(Write.class);
    public final Func<FileOp> flush = func(FileOp.class);
    public final Func<FileOp> release = func(FileOp.class);
    public final Func<Fsync> fsync = func(Fsync.class);
    public final Func<FileOp> opendir = func(FileOp.class);
    public final Func<ReadOp> readdir = func(ReadOp.class);
    public final Func<FileOp> releasedir = func(FileOp.class);
    public final Func<Fsync> fsyncdir = func(Fsync.class);
    public final Func<InodeOp> statfs = func(InodeOp.class);
    public final Func<SetXattr> setxattr = func(SetXattr.class);
    public final Func<GetXattr> getxattr = func(GetXattr.class);
    public final Func<ListXattr> listxattr = func(ListXattr.class);
    public final Func<NameOp> removexattr = func(NameOp.class);
    public final Func<Access> access = func(Access.class);
    public final Func<Create> create = func(Create.class);
    public final Func<GetLk> getlk = func(GetLk.class);
    public final Func<SetLk> setlk = func(SetLk.class);
    /** bmap, ioctl, poll, write_buf, retrieve_reply, forget_multi: not offered. */
    private final Padding unused = new Padding(jnr.ffi.NativeType.ADDRESS, 6);
    public final Func<Flock> flock = func(Flock.class);
    /** fallocate: not offered. */
    private final Padding noFallocate = new Padding(jnr.ffi.NativeType.ADDRESS, 1);

    public LowLevelOps(Runtime runtime) {
        super(runtime);
    }
}
