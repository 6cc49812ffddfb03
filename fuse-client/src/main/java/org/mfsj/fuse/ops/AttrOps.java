package org.mfsj.fuse.ops;

import jnr.ffi.Pointer;
import java.util.function.LongPredicate;
import org.mfsj.client.MfsClient;
import org.mfsj.client.SetAttrRequest;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.SetAttrMask;
import org.mfsj.fuse.Perms;
import org.mfsj.fuse.cache.Names;
import org.mfsj.fuse.handles.HandleTable;
import org.mfsj.fuse.handles.OpenFile;
import org.mfsj.fuse.lowlevel.FileInfo;
import org.mfsj.fuse.lowlevel.Request;
import ru.serce.jnrfuse.struct.FileStat;

/** getattr, setattr (chmod, chown, truncate, utimens in one), access and statfs. */
public final class AttrOps {
    /** The to_set bits of the low-level setattr (FUSE_SET_ATTR_* in fuse_lowlevel.h). */
    static final int SET_MODE = 1;
    static final int SET_UID = 1 << 1;
    static final int SET_GID = 1 << 2;
    static final int SET_SIZE = 1 << 3;
    static final int SET_ATIME = 1 << 4;
    static final int SET_MTIME = 1 << 5;
    static final int SET_ATIME_NOW = 1 << 7;
    static final int SET_MTIME_NOW = 1 << 8;
    private static final int SET_IDS = 06000;
    private static final long NANOS = 1_000_000_000L;

    private final MfsClient client;
    private final Names names;
    private final HandleTable<OpenFile> files;
    private final LongPredicate madeHereRecently;
    private final DeferredTimes deferredTimes;
    private final SetIdDrop setIds;

    public AttrOps(MfsClient client, Names names, HandleTable<OpenFile> files, LongPredicate madeHereRecently,
                   DeferredTimes deferredTimes) {
        this.client = client;
        this.names = names;
        this.files = files;
        this.madeHereRecently = madeHereRecently;
        this.deferredTimes = deferredTimes;
        this.setIds = new SetIdDrop(client, names, deferredTimes);
    }

    public void getattr(Request r, long inode) throws MfsException {
        r.attr(names.attrOf(inode));
    }

    public void setattr(Request r, long inode, Pointer stat, int toSet, FileInfo fi) throws MfsException {
        FileStat st = FileStat.of(stat);
        Creds c = r.creds();
        Attr unchanged = unchangedBy(c, inode, toSet, st);
        if (unchanged != null) {
            r.attr(r.killsSetIds() ? setIds.after(unchanged) : unchanged);
            return;
        }
        SetAttrRequest change = SetAttrRequest.NONE;
        if ((toSet & SET_MODE) != 0) {
            int want = st.st_mode.intValue() & 07777;
            Attr a = names.attrOf(inode);
            if (killsOnlySetIds(c, a, want)) {
                // the kernel drops setuid/setgid when anyone else writes the file, by a chmod in the
                // writer's name: a change only taking those bits away is allowed to whoever may write
                c = Creds.ROOT;
            }
            change = change.and(SetAttrRequest.chmod(want));
        }
        if ((toSet & SET_UID) != 0) {
            change = change.and(SetAttrRequest.chownUser(st.st_uid.intValue()));
        }
        if ((toSet & SET_GID) != 0) {
            change = change.and(SetAttrRequest.chownGroup(st.st_gid.intValue()));
        }
        change = change.and(times(toSet, st));
        if ((toSet & SET_SIZE) != 0) {
            long size = st.st_size.longValue();
            if (size < 0) {
                throw new MfsException(Status.EINVAL, "negative length " + size);
            }
            change = change.and(SetAttrRequest.truncate(size));
            if (fi != null) {
                // through an open file the right to write was checked at open, so it holds even if
                // the mode no longer grants it (open(O_CREAT|O_TRUNC) of a file created read-only)
                writable(fi.fh());
                c = Creds.ROOT;
            }
        }
        Attr kept = deferredTimes.keep(c, inode, change);
        if (kept != null) {
            r.attr(kept);
            return;
        }
        if (change.mask() != 0) {
            // what was kept from before goes first, so that this change is the later one
            deferredTimes.send(inode);
        }
        if ((change.mask() & (SetAttrMask.ATIME | SetAttrMask.MTIME)) != 0) {
            deferredTimes.flushWrites(inode);
        }
        Attr done = names.learnedAttr(change.mask() == 0 ? names.attrOf(inode) : client.setattr(c, inode, change));
        // a chown, or a truncate by a caller without CAP_FSETID (the kernel tells which)
        r.attr(r.killsSetIds() ? setIds.after(done) : done);
    }

    /**
     * The attributes, when {@code toSet} only names owner, group or mode and asks for what the inode
     * already has (tar -x and cp -a set the owner of every file they make to what it is), asked by
     * root or the owner, whom such a change is always allowed: answered without a master round
     * trip, so without a changelog record. The ctime stays, which POSIX leaves open for a change of
     * nothing. Only for a file this mount made a moment ago: elsewhere the cached attributes may be
     * older than another mount's change, and skipping the call would lose this one. Null when the
     * change must go to the master.
     */
    private Attr unchangedBy(Creds c, long inode, int toSet, FileStat st) throws MfsException {
        if (toSet == 0 || (toSet & ~(SET_MODE | SET_UID | SET_GID)) != 0 || !madeHereRecently.test(inode)) {
            return null;
        }
        Attr a = names.attrOf(inode);
        boolean same = ((toSet & SET_MODE) == 0 || (st.st_mode.intValue() & 07777) == a.mode())
                && ((toSet & SET_UID) == 0 || st.st_uid.intValue() == a.uid())
                && ((toSet & SET_GID) == 0 || st.st_gid.intValue() == a.gid());
        return same && (c.isRoot() || c.uid() == a.uid()) ? a : null;
    }

    /** access(2): F_OK is existence, else every asked bit must be granted. */
    public void access(Request r, long inode, int mask) throws MfsException {
        Creds c = r.creds();
        Attr a = names.attrOf(inode);
        int want = mask & (Perms.R | Perms.W | Perms.X);
        if (want != 0 && !Perms.allows(c, a, want)) {
            throw new MfsException(Status.EACCES, "access " + mask + " to inode " + a.inode() + " for uid " + c.uid());
        }
        r.ok();
    }

    public void statfs(Request r) throws MfsException {
        r.statfs(client.statfs());
    }

    private static boolean killsOnlySetIds(Creds c, Attr a, int want) {
        return !c.isRoot() && c.uid() != a.uid() && want == (a.mode() & ~SET_IDS) && want != a.mode()
                && Perms.allows(c, a, Perms.W);
    }

    private static SetAttrRequest times(int toSet, FileStat st) {
        int mask = 0;
        long atime = 0;
        long mtime = 0;
        if ((toSet & SET_ATIME_NOW) != 0) {
            mask |= SetAttrMask.ATIME_NOW;
        } else if ((toSet & SET_ATIME) != 0) {
            mask |= SetAttrMask.ATIME;
            atime = st.st_atim.tv_sec.get() * NANOS + st.st_atim.tv_nsec.longValue();
        }
        if ((toSet & SET_MTIME_NOW) != 0) {
            mask |= SetAttrMask.MTIME_NOW;
        } else if ((toSet & SET_MTIME) != 0) {
            mask |= SetAttrMask.MTIME;
            mtime = st.st_mtim.tv_sec.get() * NANOS + st.st_mtim.tv_nsec.longValue();
        }
        return new SetAttrRequest(mask, 0, 0, 0, atime, mtime, 0);
    }

    private void writable(long fh) throws MfsException {
        if (!files.get(fh).writable()) {
            throw new MfsException(Status.EBADF, "handle " + fh + " is not open for writing");
        }
    }

    /**
     * The master moves mtime when buffered writes land, so times set while writes of this mount
     * are pending would be overwritten by them (cp -a, tar -x and rsync set times on an open
     * file): those writes go first. Only explicit times need this; chmod, chown and "now" do not.
     */}
