package org.mfsj.fuse.handles;

import java.util.ArrayList;
import java.util.List;
import org.mfsj.client.DirPage;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;

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

    public DirStream(long dir, Creds creds) {
        this.dir = dir;
        this.creds = creds;
    }

    public long dir() {
        return dir;
    }

    public Creds creds() {
        return creds;
    }

    /**
     * The buffered entries after {@code cookie}, or null when the buffer cannot answer (it does not
     * hold that cookie, or holds nothing after it and the listing may go on).
     */
    public synchronized List<DirEntry> after(long cookie) {
        int start;
        if (cookie == from) {
            start = 0;
        } else {
            start = -1;
            for (int i = 0; i < page.size(); i++) {
                if (page.get(i).cookie() == cookie) {
                    start = i + 1;
                    break;
                }
            }
            if (start < 0) {
                return null;
            }
        }
        if (start >= page.size()) {
            return eof ? List.of() : null;
        }
        return new ArrayList<>(page.subList(start, page.size()));
    }

    /** Keeps {@code p}, read after cookie {@code after}, as the buffer. */
    public synchronized void buffered(long after, DirPage p) {
        from = after;
        page = p.entries();
        eof = p.eof();
    }

    public synchronized boolean eof() {
        return eof;
    }
}
