package org.mfsj.s3.list;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.types.FileType;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.store.Dirs;

/**
 * Sorted entries of big directories, kept between requests: paging through a bucket of a million
 * keys, 1000 at a time, must not read and sort the whole directory for every page. An entry is
 * used only while the directory's mtime and ctime are unchanged (every create, remove and rename
 * in it moves them), and only after the caller has shown it may read the directory.
 */
public final class DirCache {
    /** Smaller directories are read afresh: that is cheap and always exact. */
    public static final int MIN_CACHED = 5000;
    private static final int MAX_TOTAL = 4_000_000;

    /** One entry of a directory, with the name it sorts by (directories sort as "name/"). */
    public record Entry(String name, String sortName, long inode, boolean dir) {
    }

    private record Cached(long mtime, long ctime, List<Entry> entries) {
    }

    private final Map<Long, Cached> lru = new LinkedHashMap<>(16, 0.75f, true);
    private final int minCached;
    private long total;

    public DirCache() {
        this(MIN_CACHED);
    }

    /** @param minCached the smallest directory kept (tests use small ones) */
    public DirCache(int minCached) {
        this.minCached = minCached;
    }

    /** Regular files and directories of {@code dir}, in S3 key order. */
    public List<Entry> sorted(MfsClient client, Creds creds, long dir) throws S3Exception {
        Attr a;
        try {
            a = client.getattr(dir);
        } catch (MfsException e) {
            throw ErrorMapping.of(e, S3Error.NO_SUCH_KEY);
        }
        Cached c;
        synchronized (this) {
            c = lru.get(dir);
        }
        if (c != null && c.mtime == a.mtimeNanos() && c.ctime == a.ctimeNanos()) {
            try {
                client.readdir(creds, dir, 0, 1, false); // the permission check a full read would make
                return c.entries;
            } catch (MfsException e) {
                throw ErrorMapping.of(e, S3Error.NO_SUCH_KEY);
            }
        }
        List<Entry> entries = read(client, creds, dir);
        if (entries.size() >= minCached) {
            put(dir, new Cached(a.mtimeNanos(), a.ctimeNanos(), entries));
        }
        return entries;
    }

    private synchronized void put(long dir, Cached c) {
        Cached old = lru.put(dir, c);
        total += c.entries.size() - (old == null ? 0 : old.entries.size());
        var it = lru.entrySet().iterator();
        while (total > MAX_TOTAL && it.hasNext()) {
            Map.Entry<Long, Cached> eldest = it.next();
            if (eldest.getKey() != dir) {
                total -= eldest.getValue().entries.size();
                it.remove();
            }
        }
    }

    private static List<Entry> read(MfsClient client, Creds creds, long dir) throws S3Exception {
        List<DirEntry> raw = Dirs.readAll(client, creds, dir, false, S3Error.NO_SUCH_KEY);
        List<Entry> entries = new ArrayList<>(raw.size());
        for (DirEntry e : raw) {
            boolean isDir = e.type() == FileType.DIRECTORY;
            if (!isDir && e.type() != FileType.FILE) {
                continue; // symlinks, devices, fifos are not objects
            }
            entries.add(new Entry(e.name(), isDir ? e.name() + "/" : e.name(), e.inode(), isDir));
        }
        entries.sort((x, y) -> KeyOrder.compare(x.sortName(), y.sortName()));
        return List.copyOf(entries);
    }
}
