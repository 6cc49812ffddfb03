package org.mfsj.fuse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.fuse.cache.AttrCache;
import org.mfsj.fuse.cache.EntryCache;
import org.mfsj.fuse.cache.Resolver;
import org.mfsj.fuse.context.CallerSource;
import org.mfsj.fuse.handles.DirStream;
import org.mfsj.fuse.handles.HandleTable;
import org.mfsj.fuse.handles.OpenFile;
import org.mfsj.fuse.locks.LockService;
import org.mfsj.fuse.ops.AttrOps;
import org.mfsj.fuse.ops.DirOps;
import org.mfsj.fuse.ops.FileOps;
import org.mfsj.fuse.ops.LockOps;
import org.mfsj.fuse.ops.NameOps;
import org.mfsj.fuse.ops.XattrOps;

/** The operation groups of one mount, wired to one client, one set of caches and one handle table. */
public record Ops(AttrOps attrs, NameOps names, FileOps files, DirOps dirs, XattrOps xattrs, LockOps locks,
                  HandleTable<OpenFile> openFiles) {

    /** The last close of an open file: its locks go, then the handle. */
    public int release(long fh) throws MfsException {
        locks.released(fh);
        return files.release(fh);
    }

    public static Ops create(MfsClient client, CacheSettings cfg, CallerSource callers, LockService locks) {
        LongSupplier clock = System::nanoTime;
        long attrTtl = cfg.attrTimeout().toNanos();
        Resolver names = new Resolver(client,
                new EntryCache(cfg.dirEntryTimeout().toNanos(), CacheSettings.MAX_CACHED, clock),
                new AttrCache(attrTtl, CacheSettings.MAX_CACHED, clock));
        HandleTable<OpenFile> files = new HandleTable<>("file");
        HandleTable<DirStream> dirs = new HandleTable<>("directory");
        return new Ops(
                new AttrOps(client, names, files, callers),
                new NameOps(client, names, callers),
                new FileOps(client, names, files, callers),
                new DirOps(client, names, dirs, callers, cfg.readdirPage()),
                new XattrOps(client, names, callers, attrTtl, clock),
                new LockOps(locks, files, callers, pid -> Files.exists(Path.of("/proc", Integer.toString(pid)))),
                files);
    }
}
