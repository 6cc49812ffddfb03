package org.mfsj.fuse.lowlevel;

import java.nio.ByteBuffer;
import jnr.ffi.Pointer;
import org.mfsj.client.FsStat;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.fuse.context.Caller;

/**
 * One request from the kernel and its one answer. Every fuse_reply_* goes through here, so a
 * request is answered exactly once: {@link #replied} lets the one wrapper around every callback
 * answer what an operation left unanswered, and refuse a second answer.
 */
public final class Request {
    /** The longest name a directory holds, in bytes of UTF-8 (what statfs reports). */
    public static final int NAME_MAX = 255;
    /** fuse_ctx: uid_t uid at 0, gid_t gid at 4, pid_t pid at 8. */
    private static final int CTX_UID = 0;
    private static final int CTX_GID = 4;
    private static final int CTX_PID = 8;
    /** struct fuse_open_out (linux/fuse.h): u64 fh, u32 open_flags, u32 padding. */
    private static final int OPEN_OUT_SIZE = 16;
    private static final int OPEN_OUT_FLAGS = 8;
    private static final int FOPEN_KEEP_CACHE = 1 << 1;
    private static final int FOPEN_CACHE_DIR = 1 << 3;

    private final Pointer req;
    private final Kernel k;
    private final LibFuse2 lib;
    private Caller caller;
    private boolean replied;

    public Request(Pointer req, Kernel kernel) {
        this.req = req;
        this.k = kernel;
        this.lib = kernel.lib();
    }

    public Kernel kernel() {
        return k;
    }

    /** Who asked, with supplementary groups (read from /proc only for callers other than root). */
    public Caller caller() {
        if (caller == null) {
            Pointer ctx = lib.fuse_req_ctx(req);
            int uid = ctx.getInt(CTX_UID);
            int gid = ctx.getInt(CTX_GID);
            int pid = ctx.getInt(CTX_PID);
            int[] supplementary = uid == 0 ? new int[0] : k.groups().of(pid);
            caller = new Caller(new Creds(uid, gid, supplementary), pid);
        }
        return caller;
    }

    public Creds creds() {
        return caller().creds();
    }

    /**
     * The kernel asks this write or setattr to drop setuid/setgid (the caller lacks CAP_FSETID, or
     * it is a chown): the mount took that job at INIT, and with it the kernel stopped asking
     * getxattr("security.capability") before each write.
     */
    public boolean killsSetIds() {
        return FuseWorker.killsSetIds();
    }

    /** The caller gave up (a signal): a blocking wait should stop. */
    public boolean interrupted() {
        return lib.fuse_req_interrupted(req) != 0;
    }

    public boolean replied() {
        return replied;
    }

    public void err(int errno) {
        done();
        lib.fuse_reply_err(req, errno);
    }

    public void ok() {
        err(0);
    }

    /** For forget: no answer at all. */
    public void none() {
        done();
        lib.fuse_reply_none(req);
    }

    public void entry(Attr a) {
        Pointer e = fillEntry(a);
        done();
        lib.fuse_reply_entry(req, e);
    }

    public void create(Attr a, FileInfo fi) {
        Pointer e = fillEntry(a);
        done();
        lib.fuse_reply_create(req, e, fi.pointer());
    }

    public void attr(Attr a) {
        NativeBuffers b = NativeBuffers.mine();
        StatFill.fill(a, b.statStruct);
        done();
        lib.fuse_reply_attr(req, b.stat, k.attrTimeout());
    }

    public void open(FileInfo fi) {
        done();
        lib.fuse_reply_open(req, fi.pointer());
    }

    /**
     * Answers an opendir with the kernel's readdir cache on (FOPEN_CACHE_DIR): what this listing
     * returns is kept by the kernel, and with {@code keepCache} (FOPEN_KEEP_CACHE) what it kept
     * from an earlier listing serves this one without any readdir request. libfuse 2's
     * fuse_reply_open cannot set the first flag, so the struct fuse_open_out goes out as is.
     */
    public void openDir(FileInfo fi, boolean keepCache) {
        Pointer out = NativeBuffers.mine().data(OPEN_OUT_SIZE);
        out.putLong(0, fi.fh());
        out.putInt(OPEN_OUT_FLAGS, FOPEN_CACHE_DIR | (keepCache ? FOPEN_KEEP_CACHE : 0));
        out.putInt(OPEN_OUT_FLAGS + 4, 0);
        done();
        lib.fuse_reply_buf(req, out, OPEN_OUT_SIZE);
    }

    public void written(long count) {
        done();
        lib.fuse_reply_write(req, count);
    }

    /** {@code n} bytes of {@code data} as the answer (read, getxattr, listxattr). */
    public void data(byte[] data, int n) {
        Pointer p = NativeBuffers.mine().data(Math.max(n, 1));
        p.put(0, data, 0, n);
        done();
        lib.fuse_reply_buf(req, p, n);
    }

    /**
     * This thread's native reply memory, {@code size} bytes, to fill and then answer with
     * {@link #replyFilled}: a read lands there without passing through a Java array.
     */
    public ByteBuffer replyBuffer(int size) {
        return NativeViews.of(NativeBuffers.mine().data(Math.max(size, 1)), size);
    }

    /** Answers with the first {@code n} bytes of what {@link #replyBuffer} gave this thread. */
    public void replyFilled(int n) {
        // data() reallocates only to grow, so this is the memory replyBuffer handed out
        Pointer p = NativeBuffers.mine().data(Math.max(n, 1));
        done();
        lib.fuse_reply_buf(req, p, n);
    }

    /** A directory listing buffer built by {@link DirBuffer}. */
    public void listing(DirBuffer buf) {
        data(buf.bytes(), buf.used());
    }

    public void readlink(String target) {
        done();
        lib.fuse_reply_readlink(req, target);
    }

    /** getxattr/listxattr asked with size 0: only how many bytes the answer needs. */
    public void xattrSize(long size) {
        done();
        lib.fuse_reply_xattr(req, size);
    }

    public void lock(Pointer flock) {
        done();
        lib.fuse_reply_lock(req, flock);
    }

    public void statfs(FsStat s) {
        NativeBuffers b = NativeBuffers.mine();
        ru.serce.jnrfuse.struct.Statvfs st = b.statvfsStruct;
        long bs = StatFill.BLOCK_SIZE;
        st.f_bsize.set(bs);
        st.f_frsize.set(bs);
        st.f_blocks.set(s.totalBytes() / bs);
        st.f_bfree.set(s.availBytes() / bs);
        st.f_bavail.set(s.availBytes() / bs);
        // inodes are not a limited resource here; report plenty free so df -i and installers are content
        long free = Integer.MAX_VALUE;
        st.f_files.set(s.inodes() + free);
        st.f_ffree.set(free);
        st.f_favail.set(free);
        st.f_namemax.set(NAME_MAX);
        done();
        lib.fuse_reply_statfs(req, b.statvfs);
    }

    Pointer pointer() {
        return req;
    }

    LibFuse2 lib() {
        return lib;
    }

    private Pointer fillEntry(Attr a) {
        NativeBuffers b = NativeBuffers.mine();
        Pointer e = b.entry;
        e.putLong(0, k.nodeId(a.inode()));
        e.putLong(NativeBuffers.ENTRY_GENERATION, a.generation() & 0xFFFFFFFFL);
        StatFill.fill(a, b.entryStat);
        e.putDouble(NativeBuffers.ENTRY_ATTR_TIMEOUT, k.attrTimeout());
        e.putDouble(NativeBuffers.ENTRY_ENTRY_TIMEOUT, k.entryTimeout());
        return e;
    }

    private void done() {
        if (replied) {
            throw new IllegalStateException("request answered twice");
        }
        replied = true;
    }
}
