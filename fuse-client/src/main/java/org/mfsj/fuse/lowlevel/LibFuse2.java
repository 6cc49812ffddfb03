package org.mfsj.fuse.lowlevel;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;

/**
 * The part of libfuse 2.9's low-level API (fuse_lowlevel.h, fuse_common.h, fuse_opt.h) the mount
 * uses. dlsym hands out each symbol's default version, which is the current one (fuse_mount and
 * fuse_lowlevel_new of FUSE_2.6, fuse_reply_open and fuse_reply_statfs of FUSE_2.5).
 */
public interface LibFuse2 {
    Pointer fuse_mount(String mountpoint, Pointer args);

    void fuse_unmount(String mountpoint, Pointer channel);

    Pointer fuse_lowlevel_new(Pointer args, LowLevelOps ops, @size_t long opsSize, Pointer userdata);

    void fuse_session_add_chan(Pointer session, Pointer channel);

    void fuse_session_remove_chan(Pointer channel);

    @size_t long fuse_chan_bufsize(Pointer channel);

    /** A channel of our own over {@code fd} (struct fuse_chan_ops *ops; the struct is copied). */
    Pointer fuse_chan_new(jnr.ffi.Struct ops, int fd, @size_t long bufsize, Pointer data);

    int fuse_chan_fd(Pointer channel);

    /** Sends a reply ({@code count} struct iovec) on {@code channel}: 0, or -errno. */
    int fuse_chan_send(Pointer channel, Pointer iov, @size_t long count);

    void fuse_chan_destroy(Pointer channel);

    /** One request into {@code buf}: its length, 0 once unmounted, or -errno (-EINTR, -EAGAIN: read again). */
    int fuse_chan_recv(Pointer channelRef, Pointer buf, @size_t long size);

    void fuse_session_process(Pointer session, Pointer buf, @size_t long len, Pointer channel);

    int fuse_session_exited(Pointer session);

    void fuse_session_destroy(Pointer session);

    void fuse_opt_free_args(Pointer args);

    int fuse_reply_err(Pointer req, int err);

    void fuse_reply_none(Pointer req);

    int fuse_reply_entry(Pointer req, Pointer entry);

    int fuse_reply_create(Pointer req, Pointer entry, Pointer fileInfo);

    int fuse_reply_attr(Pointer req, Pointer stat, double attrTimeout);

    int fuse_reply_readlink(Pointer req, String link);

    int fuse_reply_open(Pointer req, Pointer fileInfo);

    int fuse_reply_write(Pointer req, @size_t long count);

    int fuse_reply_buf(Pointer req, Pointer buf, @size_t long size);

    int fuse_reply_statfs(Pointer req, Pointer statvfs);

    int fuse_reply_xattr(Pointer req, @size_t long count);

    int fuse_reply_lock(Pointer req, Pointer flock);

    @size_t long fuse_add_direntry(Pointer req, Pointer buf, @size_t long bufsize, String name, Pointer stat,
            @off_t long nextOffset);

    Pointer fuse_req_ctx(Pointer req);

    int fuse_req_interrupted(Pointer req);

    int fuse_lowlevel_notify_inval_inode(Pointer channel, long ino, @off_t long off, @off_t long len);

    /** Loads Debian's libfuse2 (the runtime package ships only the versioned name). */
    static LibFuse2 load() {
        return LibraryLoader.create(LibFuse2.class).failImmediately().load("libfuse.so.2");
    }
}
