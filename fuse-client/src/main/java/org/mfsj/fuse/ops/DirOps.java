package org.mfsj.fuse.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import org.mfsj.client.DirPage;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import org.mfsj.fuse.Perms;
import org.mfsj.fuse.cache.Resolver;
import org.mfsj.fuse.context.CallerSource;
import org.mfsj.fuse.handles.DirStream;
import org.mfsj.fuse.handles.HandleTable;
import ru.serce.jnrfuse.FuseFillDir;
import ru.serce.jnrfuse.struct.FileStat;

/**
 * opendir, readdir, releasedir. Listings use offsets: "." is 1, ".." is 2 and every other entry's
 * offset is its master cookie (cookies start above 2), so the kernel can resume a listing of any
 * size at any entry. Pages come with attributes, which go into the caches: the lookups and stats
 * that follow a listing (ls -l) are then served without asking the master.
 */
public final class DirOps {
    private static final long DOT = 1;
    private static final long DOTDOT = 2;

    private final MfsClient client;
    private final Resolver names;
    private final HandleTable<DirStream> dirs;
    private final CallerSource callers;
    private final int pageSize;
    private final ThreadLocal<FileStat> stats = ThreadLocal.withInitial(DirOps::directStat);

    public DirOps(MfsClient client, Resolver names, HandleTable<DirStream> dirs, CallerSource callers, int pageSize) {
        this.client = client;
        this.names = names;
        this.dirs = dirs;
        this.callers = callers;
        this.pageSize = pageSize;
    }

    public long opendir(String path) throws MfsException {
        Creds c = callers.current().creds();
        Attr a = names.attr(c, path);
        if (!a.isDirectory()) {
            throw new MfsException(Status.ENOTDIR, "opendir of inode " + a.inode());
        }
        if (!Perms.allows(c, a, Perms.R)) {
            throw new MfsException(Status.EACCES, "list directory " + a.inode() + " for uid " + c.uid());
        }
        return dirs.add(new DirStream(a.inode(), c));
    }

    public int readdir(long fh, Pointer buf, FuseFillDir filler, long offset) throws MfsException {
        DirStream ds = dirs.get(fh);
        FileStat st = stats.get();
        long off = offset;
        if (off < DOT) {
            if (fill(filler, buf, st, ".", ds.dir(), FileType.DIRECTORY, DOT)) {
                return 0;
            }
            off = DOT;
        }
        if (off < DOTDOT) {
            if (fill(filler, buf, st, "..", ds.dir(), FileType.DIRECTORY, DOTDOT)) {
                return 0;
            }
            off = DOTDOT;
        }
        long cookie = off <= DOTDOT ? 0 : off;
        while (true) {
            List<DirEntry> entries = ds.after(cookie);
            if (entries == null) {
                DirPage page = client.readdir(ds.creds(), ds.dir(), cookie, pageSize, true);
                for (DirEntry e : page.entries()) {
                    if (e.attr() != null) {
                        names.learned(ds.dir(), e.name(), e.attr());
                    }
                }
                ds.buffered(cookie, page);
                entries = ds.after(cookie);
            }
            for (DirEntry e : entries) {
                if (fill(filler, buf, st, e.name(), e.inode(), e.type(), e.cookie())) {
                    return 0;
                }
                cookie = e.cookie();
            }
            if (entries.isEmpty() || ds.eof()) {
                return 0;
            }
        }
    }

    public int releasedir(long fh) throws MfsException {
        dirs.remove(fh);
        return 0;
    }

    /** Adds one entry; true when the kernel's buffer is full and the listing stops here for now. */
    private static boolean fill(FuseFillDir filler, Pointer buf, FileStat st, String name, long inode, FileType type,
            long off) {
        st.st_ino.set(inode);
        st.st_mode.set(StatFill.typeBits(type));
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        // libfuse reads a C string: the name needs its terminating NUL
        ByteBuffer n = ByteBuffer.allocate(utf8.length + 1).put(utf8).put((byte) 0).flip();
        return filler.apply(buf, n, Struct.getMemory(st), off) != 0;
    }

    private static FileStat directStat() {
        Runtime rt = Runtime.getSystemRuntime();
        FileStat probe = new FileStat(rt);
        return FileStat.of(Memory.allocateDirect(rt, Struct.size(probe)));
    }
}
