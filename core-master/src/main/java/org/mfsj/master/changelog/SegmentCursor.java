package org.mfsj.master.changelog;

import java.io.IOException;
import java.util.List;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.codec.CorruptMetadataException;

/**
 * Durable entries from a version on, across segments, up to a bound fixed when the cursor was
 * made; the bound keeps it off the bytes the writer may still be adding to the newest segment.
 */
final class SegmentCursor implements LogCursor {
    private final List<Segment> segments;
    private final long from;
    private final long upTo;
    private int index;
    private SegmentReader current;
    private long next;

    /** {@code segments} oldest first; entries below {@code from} or above {@code upTo} are skipped. */
    SegmentCursor(List<Segment> segments, long from, long upTo) throws IOException {
        this.from = from;
        this.upTo = upTo;
        this.next = from;
        int start = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).firstVersion() <= from) {
                start = i;
            }
        }
        this.segments = segments;
        this.index = start;
        if (from <= upTo && (segments.isEmpty() || segments.get(start).firstVersion() > from)) {
            throw new CorruptMetadataException(segments.isEmpty() ? null : segments.get(start).path(), 0,
                    "changelog does not reach back to version " + from);
        }
    }

    @Override
    public LogEntry next() throws IOException {
        while (next <= upTo) {
            if (current == null) {
                if (index >= segments.size()) {
                    throw new CorruptMetadataException(segments.get(segments.size() - 1).path(), 0,
                            "changelog ends before version " + next);
                }
                current = new SegmentReader(segments.get(index++));
            }
            LogEntry e = current.next();
            if (e == null) {
                current.close();
                current = null;
                continue;
            }
            if (e.version() >= from) {
                if (e.version() != next) {
                    throw current.corrupt("version " + e.version() + " follows " + (next - 1) + ": entries missing");
                }
                next = e.version() + 1;
                return e;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }
}
