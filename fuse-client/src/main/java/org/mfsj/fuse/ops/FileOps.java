package org.mfsj.fuse.ops;

import jnr.ffi.Pointer;
import org.mfsj.client.FileHandle;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.fuse.Perms;
import org.mfsj.fuse.cache.Resolver;
import org.mfsj.fuse.cache.Resolver.Parent;
import org.mfsj.fuse.context.CallerSource;
import org.mfsj.fuse.handles.HandleTable;
import org.mfsj.fuse.handles.OpenFile;
import ru.serce.jnrfuse.struct.FuseFileInfo;

/**
 * Open files: create, open, read, write, flush, fsync, release. Open asks the master for the name
 * afresh (close-to-open: a file replaced by another client is seen at the next open), checks the
 * caller's rights itself, and keeps the client's handle under the number the kernel passes back.
 */
public final class FileOps {
    private static final int O_ACCMODE = 3;
    private static final int O_WRONLY = 1;
    private static final int O_RDWR = 2;
    private static final int O_EXCL = 0200;

    private final MfsClient client;
    private final Resolver names;
    private final HandleTable<OpenFile> files;
    private final CallerSource callers;
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[128 << 10]);

    public FileOps(MfsClient client, Resolver names, HandleTable<OpenFile> files, CallerSource callers) {
        this.client = client;
        this.names = names;
        this.files = files;
        this.callers = callers;
    }

    public int create(String path, long mode, FuseFileInfo fi) throws MfsException {
        Creds c = callers.current().creds();
        Parent p = names.parent(c, path);
        int flags = fi.flags.get();
        Attr a;
        try {
            a = client.create(c, p.dir(), p.name(), (int) mode & 07777);
        } catch (MfsException e) {
            if (e.status() != Status.EEXIST || (flags & O_EXCL) != 0) {
                throw e;
            }
            // lost a race with another creator: O_CREAT without O_EXCL opens what is there
            return open(c, p, fi);
        }
        names.learned(p.dir(), p.name(), a);
        names.invalidate(p.dir());
        // the creator may write whatever mode it gave the new file
        fi.fh.set(files.add(new OpenFile(client.open(c, a.inode(), true), c, true)));
        return 0;
    }

    public int open(String path, FuseFileInfo fi) throws MfsException {
        Creds c = callers.current().creds();
        return open(c, names.parent(c, path), fi);
    }

    private int open(Creds c, Parent p, FuseFileInfo fi) throws MfsException {
        Attr a = names.lookup(c, p.dir(), p.name());
        int acc = fi.flags.get() & O_ACCMODE;
        boolean write = acc == O_WRONLY || acc == O_RDWR;
        int want = (acc == O_WRONLY ? 0 : Perms.R) | (write ? Perms.W : 0);
        if (!Perms.allows(c, a, want)) {
            throw new MfsException(Status.EACCES, "open of inode " + a.inode() + " for uid " + c.uid());
        }
        FileHandle h = client.open(c, a.inode(), write);
        fi.fh.set(files.add(new OpenFile(h, c, write)));
        return 0;
    }

    /** Fills the kernel's buffer as far as the file goes: a short read would be taken for end of file. */
    public int read(long fh, Pointer buf, long size, long offset) throws MfsException {
        FileHandle h = files.get(fh).file();
        int want = (int) Math.min(size, Integer.MAX_VALUE);
        byte[] b = buffer(want);
        int done = 0;
        while (done < want) {
            int n = h.read(offset + done, b, done, want - done);
            if (n <= 0) {
                break;
            }
            done += n;
        }
        buf.put(0, b, 0, done);
        return done;
    }

    public int write(long fh, Pointer buf, long size, long offset) throws MfsException {
        OpenFile f = files.get(fh);
        if (!f.writable()) {
            throw new MfsException(Status.EBADF, "handle " + fh + " is not open for writing");
        }
        int n = (int) Math.min(size, Integer.MAX_VALUE);
        byte[] b = buffer(n);
        buf.get(0, b, 0, n);
        f.file().write(offset, b, 0, n);
        names.invalidate(f.inode());
        return n;
    }

    public int flush(long fh) throws MfsException {
        OpenFile f = files.get(fh);
        if (f.writable()) {
            f.file().flush();
            names.invalidate(f.inode());
        }
        return 0;
    }

    public int fsync(long fh) throws MfsException {
        OpenFile f = files.get(fh);
        if (f.writable()) {
            f.file().fsync();
        }
        return 0;
    }

    public int release(long fh) throws MfsException {
        OpenFile f = files.remove(fh);
        f.file().close();
        names.invalidate(f.inode());
        return 0;
    }

    private byte[] buffer(int size) {
        byte[] b = buffers.get();
        if (b.length < size) {
            b = new byte[size];
            buffers.set(b);
        }
        return b;
    }
}
