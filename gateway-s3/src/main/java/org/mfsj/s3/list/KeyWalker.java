package org.mfsj.s3.list;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.list.DirCache.Entry;

/**
 * The keys of a bucket in S3 order, one at a time, walking directories depth-first and lazily.
 * Within a directory, a subdirectory {@code d} sorts as {@code "d/"}: then every key under it
 * falls between its siblings exactly where S3 byte order puts it ({@code "a.txt" < "a/x" < "a0"}),
 * so the walk is globally sorted while holding only the directories on the current path.
 * Directories that cannot hold a wanted key (outside the prefix, before the marker, or under a
 * skipped common prefix) are never read. A directory with a directory marker is the key "d/" too,
 * just before its contents.
 */
public final class KeyWalker {
    /** One object key and its inode; {@code marker}: the key ends in '/' and the inode is a directory. */
    public record Item(String key, long inode, boolean marker) {
    }

    /** Whether a directory carries a directory marker (a key "d/" of its own). */
    @FunctionalInterface
    public interface Markers {
        boolean has(long dir);
    }

    private static final class Frame {
        final String dirKey;
        final List<Entry> entries;
        int pos;

        Frame(String dirKey, List<Entry> entries) {
            this.dirKey = dirKey;
            this.entries = entries;
        }
    }

    private final MfsClient client;
    private final DirCache cache;
    private final Markers markers;
    private final Creds creds;
    private final String prefix;
    private final String after;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private String skip;
    private Item peeked;

    /**
     * @param after only keys strictly greater than this ("" = from the start)
     */
    public KeyWalker(MfsClient client, DirCache cache, Markers markers, Creds creds, long bucketDir, String prefix,
            String after) throws S3Exception {
        this.client = client;
        this.cache = cache;
        this.markers = markers;
        this.creds = creds;
        this.prefix = prefix;
        this.after = after;
        stack.push(load(bucketDir, ""));
    }

    /** Leaves out every key that starts with {@code p} from here on (a common prefix already reported). */
    public void skip(String p) {
        skip = p;
        if (peeked != null && peeked.key().startsWith(p)) {
            peeked = null;
        }
    }

    /** The next key, or null at the end. */
    public Item next() throws S3Exception {
        if (peeked != null) {
            Item p = peeked;
            peeked = null;
            return p;
        }
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.pos == f.entries.size()) {
                stack.pop();
                continue;
            }
            Entry e = f.entries.get(f.pos++);
            String key = f.dirKey + e.name();
            if (e.dir()) {
                String d = key + "/";
                if (mayHold(d)) {
                    Frame child = loadOrNull(e.inode(), d);
                    if (child != null) {
                        stack.push(child);
                        // the marker "d/" sorts before every key under it, so it comes first
                        if (wanted(d) && markers.has(e.inode())) {
                            return new Item(d, e.inode(), true);
                        }
                    }
                }
            } else if (wanted(key)) {
                return new Item(key, e.inode(), false);
            }
        }
        return null;
    }

    /** Whether any key is left, without consuming it. */
    public boolean hasNext() throws S3Exception {
        if (peeked == null) {
            peeked = next();
        }
        return peeked != null;
    }

    private boolean wanted(String key) {
        return key.startsWith(prefix) && KeyOrder.compare(key, after) > 0 && (skip == null || !key.startsWith(skip));
    }

    /** Whether the keys under directory key {@code d} (all starting with it) can include a wanted one. */
    private boolean mayHold(String d) {
        if (!d.startsWith(prefix) && !prefix.startsWith(d)) {
            return false;
        }
        if (!after.startsWith(d) && KeyOrder.compare(d, after) < 0) {
            return false;
        }
        return skip == null || !d.startsWith(skip);
    }

    private Frame loadOrNull(long dir, String dirKey) throws S3Exception {
        try {
            return load(dir, dirKey);
        } catch (S3Exception e) {
            if (e.error() == S3Error.NO_SUCH_KEY) {
                return null; // removed while we walked: it holds nothing any more
            }
            throw e;
        }
    }

    private Frame load(long dir, String dirKey) throws S3Exception {
        return new Frame(dirKey, cache.sorted(client, creds, dir));
    }
}
