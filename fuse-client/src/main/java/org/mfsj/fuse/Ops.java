package org.mfsj.fuse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.mfsj.client.MfsClient;
import org.mfsj.fuse.cache.AttrCache;
import org.mfsj.fuse.cache.EntryCache;
import org.mfsj.fuse.cache.KnownNames;
import org.mfsj.fuse.cache.Listings;
import org.mfsj.fuse.cache.Names;
import org.mfsj.fuse.handles.HandleTable;
import org.mfsj.fuse.handles.OpenFile;
import org.mfsj.fuse.ops.AttrOps;
import org.mfsj.fuse.ops.DeferredTimes;
import org.mfsj.fuse.ops.DirOps;
import org.mfsj.fuse.ops.FileOps;
import org.mfsj.fuse.ops.LockOps;
import org.mfsj.fuse.ops.NameOps;
import org.mfsj.fuse.ops.XattrOps;

/** The operation groups of one mount, wired to one client, one set of caches and one handle table. */
public record Ops(AttrOps attrs, NameOps names, FileOps files, DirOps dirs, XattrOps xattrs, LockOps locks,
                  HandleTable<OpenFile> openFiles) {

    public static Ops create(MfsClient client, CacheSettings cfg) {
        LongSupplier clock = System::nanoTime;
        long attrTtl = cfg.attrTimeout().toNanos();
        Names names = new Names(client,
                new EntryCache(cfg.dirEntryTimeout().toNanos(), CacheSettings.MAX_CACHED, clock),
                new AttrCache(attrTtl, CacheSettings.MAX_CACHED, clock),
                new Listings(cfg.dirEntryTimeout().toNanos(), clock),
                new KnownNames(cfg.negEntryTimeout().toNanos(), clock));
        HandleTable<OpenFile> files = new HandleTable<>("file");
        LockOps locks = new LockOps(client, pid -> Files.exists(Path.of("/proc", Integer.toString(pid))));
        XattrOps xattrs = new XattrOps(client, names, attrTtl, clock);
        DeferredTimes times = new DeferredTimes(client, names, files, Ops::wallClockNanos);
        return new Ops(
                new AttrOps(client, names, files, xattrs::madeHereRecently, times),
                new NameOps(client, names),
                new FileOps(client, names, files, locks, xattrs, times),
                new DirOps(client, names, new HandleTable<>("directory"), cfg.readdirPage()),
                xattrs,
                locks,
                files);
    }

    private static long wallClockNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
