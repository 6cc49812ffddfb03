package org.mfsj.fuse.ops;

import org.mfsj.client.FsStat;
import org.mfsj.client.MfsClient;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.fuse.Perms;
import org.mfsj.fuse.cache.Resolver;
import org.mfsj.fuse.context.CallerSource;
import org.mfsj.fuse.handles.HandleTable;
import org.mfsj.fuse.handles.OpenFile;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.Statvfs;
import ru.serce.jnrfuse.struct.Timespec;

/** getattr, chmod, chown, truncate, utimens, access and statfs. */
public final class AttrOps {
    /** utimensat(2)'s special nanosecond values. */
    static final long UTIME_NOW = (1L << 30) - 1;
    static final long UTIME_OMIT = (1L << 30) - 2;
    /** chown(2)'s "leave as is", as an unsigned 32-bit id. */
    private static final long KEEP_ID = 0xFFFFFFFFL;
    private static final int NAME_MAX = 255;
    private static final int SET_IDS = 06000;

    private final MfsClient client;
    private final Resolver names;
    private final HandleTable<OpenFile> files;
    private final CallerSource callers;

    public AttrOps(MfsClient client, Resolver names, HandleTable<OpenFile> files, CallerSource callers) {
        this.client = client;
        this.names = names;
        this.files = files;
        this.callers = callers;
    }

    public int getattr(String path, FileStat st) throws MfsException {
        StatFill.fill(names.attr(callers.current().creds(), path), st);
        return 0;
    }

    public int fgetattr(long fh, FileStat st) throws MfsException {
        StatFill.fill(names.attrOf(files.get(fh).inode()), st);
        return 0;
    }

    public int chmod(String path, long mode) throws MfsException {
        Creds c = callers.current().creds();
        Attr a = names.attr(c, path);
        int want = (int) mode & 07777;
        if (!c.isRoot() && c.uid() != a.uid() && want == (a.mode() & ~SET_IDS) && want != a.mode()
                && Perms.allows(c, a, Perms.W)) {
            // the kernel drops setuid/setgid when anyone else writes the file, by a chmod in the
            // writer's name: a change only taking those bits away is allowed to whoever may write
            c = Creds.ROOT;
        }
        return change(c, a, SetAttrRequest.chmod(want));
    }

    public int chown(String path, long uid, long gid) throws MfsException {
        boolean u = uid != KEEP_ID;
        boolean g = gid != KEEP_ID;
        if (!u && !g) {
            // chown(-1, -1) still checks that the path exists
            names.attr(callers.current().creds(), path);
            return 0;
        }
        SetAttrRequest r = u && g ? SetAttrRequest.chown((int) uid, (int) gid)
                : u ? SetAttrRequest.chownUser((int) uid) : SetAttrRequest.chownGroup((int) gid);
        return change(path, r);
    }

    public int truncate(String path, long size) throws MfsException {
        if (size < 0) {
            throw new MfsException(Status.EINVAL, "negative length " + size);
        }
        return change(path, SetAttrRequest.truncate(size));
    }

    /**
     * Truncate through an open file: the right to write was checked at open, so it holds even if
     * the mode no longer grants it (open(O_CREAT|O_TRUNC) of a file created read-only).
     */
    public int ftruncate(long fh, long size) throws MfsException {
        if (size < 0) {
            throw new MfsException(Status.EINVAL, "negative length " + size);
        }
        OpenFile f = files.get(fh);
        if (!f.writable()) {
            throw new MfsException(Status.EBADF, "handle " + fh + " is not open for writing");
        }
        names.learnedAttr(client.setattr(Creds.ROOT, f.inode(), SetAttrRequest.truncate(size)));
        return 0;
    }

    public int utimens(String path, Timespec[] ts) throws MfsException {
        int mask = 0;
        long atime = 0;
        long mtime = 0;
        long aNs = ts[0].tv_nsec.longValue();
        long mNs = ts[1].tv_nsec.longValue();
        if (aNs == UTIME_NOW) {
            mask |= SetAttrMask.ATIME_NOW;
        } else if (aNs != UTIME_OMIT) {
            mask |= SetAttrMask.ATIME;
            atime = ts[0].tv_sec.get() * 1_000_000_000L + aNs;
        }
        if (mNs == UTIME_NOW) {
            mask |= SetAttrMask.MTIME_NOW;
        } else if (mNs != UTIME_OMIT) {
            mask |= SetAttrMask.MTIME;
            mtime = ts[1].tv_sec.get() * 1_000_000_000L + mNs;
        }
        if (mask == 0) {
            names.attr(callers.current().creds(), path);
            return 0;
        }
        return change(path, new SetAttrRequest(mask, 0, 0, 0, atime, mtime, 0));
    }

    /** access(2): F_OK is existence (with search rights on the way), else every asked bit must be granted. */
    public int access(String path, int mask) throws MfsException {
        Creds c = callers.current().creds();
        Attr a = names.attr(c, path);
        int want = mask & (Perms.R | Perms.W | Perms.X);
        if (want != 0 && !Perms.allows(c, a, want)) {
            throw new MfsException(Status.EACCES, "access " + mask + " to inode " + a.inode() + " for uid " + c.uid());
        }
        return 0;
    }

    public int statfs(Statvfs st) throws MfsException {
        FsStat s = client.statfs();
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
        return 0;
    }

    private int change(String path, SetAttrRequest r) throws MfsException {
        Creds c = callers.current().creds();
        return change(c, names.attr(c, path), r);
    }

    private int change(Creds c, Attr a, SetAttrRequest r) throws MfsException {
        flushWrites(a.inode());
        names.learnedAttr(client.setattr(c, a.inode(), r));
        return 0;
    }

    /**
     * The master moves mtime when buffered writes land, so times set while writes of this mount
     * are pending would be overwritten by them (cp -a, tar -x and rsync set times on an open
     * file): those writes go first.
     */
    private void flushWrites(long inode) throws MfsException {
        for (OpenFile f : files.all()) {
            if (f.writable() && f.inode() == inode) {
                // handles of one inode share their buffer: one flush sends all
                f.file().flush();
                return;
            }
        }
    }
}
