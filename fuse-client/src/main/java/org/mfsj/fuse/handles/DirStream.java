package org.mfsj.fuse.handles;

import org.mfsj.common.types.Creds;
import org.mfsj.common.types.NameList;
import org.mfsj.fuse.cache.Listings;

/**
 * One opendir(3): the directory and the last page read from the master, packed (no object per
 * name). The kernel asks for a listing up to its buffer's size at a time, each time with the offset
 * (our cookie) to resume after; one page serves many such calls before the next request to the
 * master.
 */
public final class DirStream {
    private final long dir;
    private final Creds creds;
    private NameList page = NameList.EMPTY;
    /** The cookie the buffered page was read after. */
    private long from = -1;
    private boolean eof;
    /** Every entry read so far while the pages came in order from the start; null once they did not. */
    private NameList whole = NameList.EMPTY;
    private long wholeThrough;

    private final long openedAt;
    private final boolean withAttrs;

    /** Entries {@code from} to the end of {@code names}. */
    public record Slice(NameList names, int from) {
        public boolean isEmpty() {
            return from >= names.size();
        }
    }

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
    public static DirStream ofCached(long dir, Creds creds, NameList entries) {
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
     * search: a page is in cookie order and never changes once kept.
     */
    public synchronized Slice after(long cookie) {
        int start;
        if (cookie == from) {
            start = 0;
        } else {
            int i = page.indexOf(cookie);
            if (i < 0) {
                return null;
            }
            start = i + 1;
        }
        if (start >= page.size() && !eof) {
            return null;
        }
        return new Slice(page, Math.min(start, page.size()));
    }

    /** Keeps {@code p}, read after cookie {@code after}, as the buffer; {@code last}: the listing ends there. */
    public synchronized void buffered(long after, NameList p, boolean last) {
        from = after;
        page = p;
        eof = last;
        if (whole != null && after == wholeThrough && whole.size() + page.size() <= Listings.MAX_ENTRIES) {
            whole = whole.concat(page);
            wholeThrough = page.isEmpty() ? after : page.cookie(page.size() - 1);
        } else {
            whole = null;
        }
    }

    /**
     * The whole directory when this stream read all of it in order, else null; given once, so the
     * listing is kept when its end is read and not again at the release.
     */
    public synchronized NameList takeWhole() {
        if (!eof || whole == null) {
            return null;
        }
        NameList all = whole;
        whole = null;
        return all;
    }

    public synchronized boolean eof() {
        return eof;
    }
}
