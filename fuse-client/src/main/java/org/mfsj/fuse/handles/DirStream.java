package org.mfsj.fuse.handles;

import java.util.ArrayList;
import java.util.List;
import org.mfsj.client.DirPage;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.fuse.cache.Listings;

/**
 * One opendir(3): the directory and the last page read from the master. The kernel asks for a
 * listing 4 KiB at a time, each time with the offset (our cookie) to resume after; a page of a
 * few hundred entries serves many such calls before the next request to the master.
 */
public final class DirStream {
    private final long dir;
    private final Creds creds;
    private List<DirEntry> page = List.of();
    /** The cookie the buffered page was read after. */
    private long from = -1;
    private boolean eof;
    /** Every entry read so far while the pages came in order from the start; null once they did not. */
    private List<DirEntry> whole = new ArrayList<>();
    private long wholeThrough;

    private final long openedAt;
    private final boolean withAttrs;

    /** A stream over {@code dir} opened at {@code openedAt} (a clock value, for the listing cache). */
    public DirStream(long dir, Creds creds, long openedAt) {
        this(dir, creds, openedAt, true);
    }

    /** As above; {@code withAttrs}: its pages are asked with the entries' attributes. */
    public DirStream(long dir, Creds creds, long openedAt, boolean withAttrs) {
        this.dir = dir;
        this.creds = creds;
        this.openedAt = openedAt;
        this.withAttrs = withAttrs;
    }

    public boolean withAttrs() {
        return withAttrs;
    }

    /** A stream served from a listing already cached: what it reads is not news for the cache. */
    public static DirStream ofCached(long dir, Creds creds, List<DirEntry> entries) {
        DirStream ds = new DirStream(dir, creds, 0);
        ds.page = entries;
        ds.from = 0;
        ds.eof = true;
        ds.whole = null;
        return ds;
    }

    public long openedAt() {
        return openedAt;
    }

    public long dir() {
        return dir;
    }

    public Creds creds() {
        return creds;
    }

    /**
     * The buffered entries after {@code cookie}, or null when the buffer cannot answer (it does not
     * hold that cookie, or holds nothing after it and the listing may go on). Found by binary
     * search, as a view: a page is in cookie order and never changes once kept.
     */
    public synchronized List<DirEntry> after(long cookie) {
        int start;
        if (cookie == from) {
            start = 0;
        } else {
            int i = indexOf(cookie);
            if (i < 0) {
                return null;
            }
            start = i + 1;
        }
        if (start >= page.size()) {
            return eof ? List.of() : null;
        }
        return page.subList(start, page.size());
    }

    private int indexOf(long cookie) {
        int lo = 0;
        int hi = page.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long c = page.get(mid).cookie();
            if (c < cookie) {
                lo = mid + 1;
            } else if (c > cookie) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Keeps {@code p}, read after cookie {@code after}, as the buffer. */
    public synchronized void buffered(long after, DirPage p) {
        from = after;
        page = p.entries();
        eof = p.eof();
        if (whole != null && after == wholeThrough && whole.size() + page.size() <= Listings.MAX_ENTRIES) {
            whole.addAll(page);
            wholeThrough = page.isEmpty() ? after : page.get(page.size() - 1).cookie();
        } else {
            whole = null;
        }
    }

    /**
     * The whole directory when this stream read all of it in order, else null; given once, so the
     * listing is kept when its end is read and not again at the release.
     */
    public synchronized List<DirEntry> takeWhole() {
        if (!eof || whole == null) {
            return null;
        }
        List<DirEntry> all = whole;
        whole = null;
        return all;
    }

    public synchronized boolean eof() {
        return eof;
    }
}
