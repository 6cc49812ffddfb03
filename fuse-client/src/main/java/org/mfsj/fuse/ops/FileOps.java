package org.mfsj.fuse.ops;

import java.nio.ByteBuffer;
import jnr.ffi.Pointer;
import org.mfsj.client.CreatedOpen;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.fuse.Perms;
import org.mfsj.fuse.cache.Names;
import org.mfsj.fuse.handles.HandleTable;
import org.mfsj.fuse.handles.OpenFile;
import org.mfsj.fuse.lowlevel.FileInfo;
import org.mfsj.fuse.lowlevel.NativeViews;
import org.mfsj.fuse.lowlevel.Request;

/**
 * Open files: create, open, read, write, flush, fsync, release. Open asks the master for the
 * file's attributes afresh (close-to-open: what another client wrote and closed is seen at the
 * next open) and, when they moved, has the kernel drop its copy; it checks the caller's rights
 * itself and keeps the client's handle under the number the kernel passes back.
 */
public final class FileOps {
    private static final int O_ACCMODE = 3;
    private static final int O_WRONLY = 1;
    private static final int O_RDWR = 2;
    private static final int O_EXCL = 0200;

    private final MfsClient client;
    private final Names names;
    private final HandleTable<OpenFile> files;
    private final LockOps locks;
    private final XattrOps xattrs;
    private final DeferredTimes deferredTimes;
    private final SetIdDrop setIds;

    public FileOps(MfsClient client, Names names, HandleTable<OpenFile> files, LockOps locks, XattrOps xattrs,
                   DeferredTimes deferredTimes) {
        this.client = client;
        this.names = names;
        this.files = files;
        this.locks = locks;
        this.xattrs = xattrs;
        this.deferredTimes = deferredTimes;
        this.setIds = new SetIdDrop(client, names, deferredTimes);
    }

    /**
     * The name and the open file in one answer to the kernel, from one master call that creates
     * and opens. The creator may write whatever mode it gave the new file, so the handle is open
     * for writing even for O_RDONLY (the kernel refuses writes on such a descriptor itself), and
     * O_TRUNC has nothing to cut.
     */
    public void create(Request r, long dir, String name, int mode, FileInfo fi) throws MfsException {
        Creds c = r.creds();
        CreatedOpen made;
        try {
            made = client.createOpenWithDir(c, dir, name, mode & 07777);
        } catch (MfsException e) {
            names.namesUnknown(dir);
            if (e.status() != Status.EEXIST || (fi.flags() & O_EXCL) != 0) {
                throw e;
            }
            // lost a race with another creator: O_CREAT without O_EXCL opens what is there
            Attr a = names.lookup(c, dir, name);
            fi.fh(openChecked(c, a, fi.flags()));
            r.create(a, fi);
            return;
        }
        FileHandle h = made.file();
        Attr a = h.openedAttr();
        names.learned(dir, name, a);
        names.changedDir(dir, made.dir());
        names.added(dir, name);
        xattrs.madeHere(a.inode());
        fi.fh(files.add(new OpenFile(h, c, true)));
        r.create(a, fi);
    }

    public void open(Request r, long inode, FileInfo fi) throws MfsException {
        if (deferredTimes.modePending(inode)) {
            sendTimes(r, inode);
        }
        Names.Fresh f = names.fresh(inode);
        if (f.changed()) {
            r.kernel().forgetAttributes(inode);
        }
        fi.fh(openChecked(r.creds(), f.attr(), fi.flags()));
        r.open(fi);
    }

    private long openChecked(Creds c, Attr a, int flags) throws MfsException {
        int acc = flags & O_ACCMODE;
        boolean write = acc == O_WRONLY || acc == O_RDWR;
        int want = (acc == O_WRONLY ? 0 : Perms.R) | (write ? Perms.W : 0);
        if (!Perms.allows(c, a, want)) {
            throw new MfsException(Status.EACCES, "open of inode " + a.inode() + " for uid " + c.uid());
        }
        FileHandle h = client.open(c, a.inode(), write);
        return files.add(new OpenFile(h, c, write));
    }

    /** Fills the kernel's buffer as far as the file goes: a short read would be taken for end of file. */
    public void read(Request r, long size, long offset, FileInfo fi) throws MfsException {
        FileHandle h = files.get(fi.fh()).file();
        int want = (int) Math.min(size, Integer.MAX_VALUE);
        ByteBuffer b = r.replyBuffer(want);
        while (b.hasRemaining()) {
            if (h.read(offset + b.position(), b) <= 0) {
                break;
            }
        }
        r.replyFilled(b.position());
    }

    /** Returns once the data is in the client's write-back buffer, which bounds what waits. */
    public void write(Request r, Pointer buf, long size, long offset, FileInfo fi) throws MfsException {
        OpenFile f = files.get(fi.fh());
        if (!f.writable()) {
            throw new MfsException(Status.EBADF, "handle " + fi.fh() + " is not open for writing");
        }
        int n = (int) Math.min(size, Integer.MAX_VALUE);
        if (deferredTimes.timesPending(f.inode())) {
            // times set before this write: the write moves the mtime after them
            sendTimes(r, f.inode());
        }
        if (r.killsSetIds()) {
            setIds.beforeWrite(r, f.inode());
        }
        f.file().write(offset, NativeViews.of(buf, n));
        names.written(f.inode(), offset + n);
        r.written(n);
    }

    /** close(2) of one descriptor: pending writes go out, and the closing owner's record locks go. */
    public void flush(Request r, long inode, FileInfo fi) throws MfsException {
        OpenFile f = files.get(fi.fh());
        if (f.writable()) {
            if (deferredTimes.timesPending(f.inode())) {
                // lands the writes with the kept times on their last end (tar): one master change less
                sendTimes(r, f.inode());
            }
            f.file().flush();
            sendTimes(r, f.inode());
            names.invalidate(f.inode());
        }
        locks.closed(inode, fi.lockOwner());
        r.ok();
    }

    /**
     * fsync(2): every copy of what this mount wrote to the file since its last fsync is forced to
     * disk, through whichever descriptor asks (a read-only one too, as on a local file system).
     */
    public void fsync(Request r, FileInfo fi) throws MfsException {
        OpenFile f = files.get(fi.fh());
        f.file().fsync();
        // a change of times is durable at the master once it answers
        sendTimes(r, f.inode());
        r.ok();
    }

    /** Sends the times kept for {@code inode}, if any; the kernel then drops the attributes it holds (their ctime). */
    private void sendTimes(Request r, long inode) throws MfsException {
        if (deferredTimes.send(inode)) {
            r.kernel().forgetAttributes(inode);
        }
    }

    /** The last close of an open file: its flock lock goes, then the handle. */
    public void release(Request r, long inode, FileInfo fi) throws MfsException {
        if (fi.flockRelease()) {
            locks.unflock(inode, fi.lockOwner());
        }
        OpenFile f = files.get(fi.fh());
        try {
            // kept times go while this handle still shows the file open for writing (a flush sent them already)
            sendTimes(r, f.inode());
        } finally {
            files.remove(fi.fh());
            f.file().close();
            if (f.writable()) {
                // a reader changed nothing: what is cached of the file stays good (the kernel sends this
                // release after the close returned, maybe after the next open fetched them afresh)
                names.invalidate(f.inode());
            }
        }
        r.ok();
    }
}
