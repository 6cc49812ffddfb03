package org.mfsj.fuse.ops;

import org.mfsj.client.DirPage;
import org.mfsj.client.MfsClient;
import org.mfsj.client.NamesPage;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import org.mfsj.common.types.NameList;
import org.mfsj.fuse.Perms;
import org.mfsj.fuse.cache.Names;
import org.mfsj.fuse.handles.DirStream;
import org.mfsj.fuse.handles.HandleTable;
import org.mfsj.fuse.lowlevel.DirBuffer;
import org.mfsj.fuse.lowlevel.FileInfo;
import org.mfsj.fuse.lowlevel.Request;

/**
 * opendir, readdir, releasedir. Listings use offsets: "." is 1, ".." is 2 and every other entry's
 * offset is its master cookie plus 2, so the kernel can resume a listing of any size at any entry
 * whatever numbers the cookies are. Pages of a small directory come with attributes, which go into
 * the caches: the lookups that follow a listing (ls -l) are then served without asking the master;
 * a large one is listed by name only, and the first lookup after it lists it again with attributes
 * (see {@link Names#listsNamesOnly}). A directory read whole is kept for
 * the next opendir (see {@link org.mfsj.fuse.cache.Listings}), and by the kernel too: while this mount holds a
 * listing, the kernel's own copy of it serves the next opendir without a readdir request.
 */
public final class DirOps {
    private static final long DOT = 1;
    private static final long DOTDOT = 2;

    private final MfsClient client;
    private final Names names;
    private final HandleTable<DirStream> dirs;
    private final int pageSize;

    public DirOps(MfsClient client, Names names, HandleTable<DirStream> dirs, int pageSize) {
        this.client = client;
        this.names = names;
        this.dirs = dirs;
        this.pageSize = pageSize;
    }

    public void opendir(Request r, long inode, FileInfo fi) throws MfsException {
        Creds c = r.creds();
        Attr a = names.attrOf(inode);
        if (!a.isDirectory()) {
            throw new MfsException(Status.ENOTDIR, "opendir of inode " + a.inode());
        }
        if (!Perms.allows(c, a, Perms.R)) {
            throw new MfsException(Status.EACCES, "list directory " + a.inode() + " for uid " + c.uid());
        }
        NameList known = names.listings().get(a.inode());
        DirStream ds = known != null ? DirStream.ofCached(a.inode(), c, known)
                : new DirStream(a.inode(), c, names.listings().now(), !Names.listsNamesOnly(a));
        fi.fh(dirs.add(ds));
        if (known == null) {
            // this mount will list afresh, so whatever listing the kernel kept may be stale
            r.kernel().forgetListing(a.inode());
        }
        r.openDir(fi, known != null);
    }

    public void readdir(Request r, long size, long offset, FileInfo fi) throws MfsException {
        DirStream ds = dirs.get(fi.fh());
        DirBuffer out = new DirBuffer(size);
        fill(ds, out, offset);
        r.listing(out);
    }

    private void fill(DirStream ds, DirBuffer out, long offset) throws MfsException {
        long off = offset;
        if (off < DOT) {
            if (!out.add(".", ds.dir(), FileType.DIRECTORY, DOT)) {
                return;
            }
            off = DOT;
        }
        if (off < DOTDOT) {
            if (!out.add("..", ds.dir(), FileType.DIRECTORY, DOTDOT)) {
                return;
            }
            off = DOTDOT;
        }
        long cookie = off <= DOTDOT ? 0 : off - DOTDOT;
        while (true) {
            DirStream.Slice s = ds.after(cookie);
            if (s == null) {
                read(ds, cookie);
                s = ds.after(cookie);
            }
            NameList page = s.names();
            for (int i = s.from(); i < page.size(); i++) {
                long c = page.cookie(i);
                if (!out.add(page, i, c + DOTDOT)) {
                    return;
                }
                cookie = c;
            }
            if (s.isEmpty() || ds.eof()) {
                return;
            }
        }
    }

    /** The page after {@code cookie} from the master, into the stream (and its attributes into the caches). */
    private void read(DirStream ds, long cookie) throws MfsException {
        if (ds.withAttrs()) {
            DirPage page = client.readdir(ds.creds(), ds.dir(), cookie, pageSize, true);
            names.listings().pageRead(ds.dir(), page.entries().size());
            for (DirEntry e : page.entries()) {
                if (e.attr() != null) {
                    names.learned(ds.dir(), e.name(), e.attr());
                }
            }
            ds.buffered(cookie, NameList.of(page.entries()), page.eof());
        } else {
            NamesPage page = client.readdirNames(ds.creds(), ds.dir(), cookie, pageSize);
            names.listings().namesRead(ds.dir(), page.names().size());
            ds.buffered(cookie, page.names(), page.eof());
        }
        keepWhole(ds);
    }

    public void releasedir(Request r, FileInfo fi) throws MfsException {
        keepWhole(dirs.remove(fi.fh()));
        r.ok();
    }

    /**
     * Keeps the listing once the stream has read the whole directory: at its end, not at the
     * release, which the kernel sends after closedir(3) returned, so a program listing the
     * directory again at once (three scandir passes) would often find nothing kept yet and the
     * kernel's copy dropped, and the directory went to the master again.
     */
    private void keepWhole(DirStream ds) {
        NameList whole = ds.takeWhole();
        if (whole != null) {
            names.listings().put(ds.dir(), whole, ds.openedAt());
            names.listedWhole(ds.dir(), whole.names(), ds.openedAt());
        }
    }
}
