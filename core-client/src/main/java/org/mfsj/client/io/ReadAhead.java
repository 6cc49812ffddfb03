package org.mfsj.client.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.mfsj.client.ClientMetrics;
import org.mfsj.client.master.Futures;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.ChunkGeometry;

/**
 * Reads file ranges from the chunkservers for one handle, fetching ahead of a sequential reader.
 * A read counts as sequential when it starts within a segment of where the furthest one so far
 * ended ({@link #REORDER} once prefetching), or when it borders one of the last {@link #RECENT}
 * reads (starts where one ended, or ends where one started): the requests of a parallel reader
 * (an NFS client with many READs in flight, served by many gateway threads) arrive out of order.
 * From the second sequential read in a row, each one that reaches further doubles the window, from
 * 1 MiB up to the configured maximum, and keeps segments of up to {@link #SEGMENT} bytes in flight
 * over that window (small enough that the JVM does not take each for a humongous object, which
 * it would place in the old generation and collect with concurrent cycles); needing two keeps a random reader that lands near the last read now and then
 * from starting prefetches it will not use. Any other read drops what was fetched and starts over. Fetched data is dropped
 * as well when the file's buffered writes changed since it was asked for (see
 * {@link Overlay#changes()}).
 */
final class ReadAhead {
    static final int SEGMENT = 256 << 10;
    private static final byte[] ZEROS = new byte[64 << 10];
    /** The first window, and how far from the last read a new stream's reads may land. */
    static final int FIRST_WINDOW = 1 << 20;
    /** Recent reads a new one may border to count as sequential. */
    static final int RECENT = 32;
    /** How far out of order an established stream's reads may arrive; segments are kept that far back. */
    static final long REORDER = 4L * FIRST_WINDOW;

    private record Segment(long offset, int length, CompletableFuture<byte[]> data) {
        long end() {
            return offset + length;
        }
    }

    private final long inode;
    private final ChunkReader reader;
    private final long maxWindow;
    private final ClientMetrics metrics;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private long expected;
    private long window;
    /** Sequential reads in a row. */
    private int streak;
    private final long[] recentStarts = new long[RECENT];
    private final long[] recentEnds = new long[RECENT];
    private int recentNext;
    private long fetchedTo;
    private long changes = Long.MIN_VALUE;

    ReadAhead(long inode, ChunkReader reader, long maxWindow, ClientMetrics metrics) {
        this.inode = inode;
        this.reader = reader;
        this.maxWindow = maxWindow;
        this.metrics = metrics;
    }

    /**
     * Fills {@code dst[off, off+n)} (absolute indexes; position and limit untouched) with file
     * bytes {@code [pos, pos+n)}, zeros where the servers hold nothing; {@code pos + n} must not
     * pass {@code fileLength}.
     */
    void read(long pos, ByteBuffer dst, int off, int n, long fileLength, long changeCount) throws MfsException {
        List<Segment> use = plan(pos, n, fileLength, changeCount);
        long cursor = pos;
        long end = pos + n;
        for (Segment s : use) {
            if (s.offset > cursor) {
                readDirect(cursor, dst, off + (int) (cursor - pos), (int) (s.offset - cursor));
                cursor = s.offset;
            }
            int len = (int) (Math.min(end, s.end()) - cursor);
            byte[] data;
            try {
                data = Futures.await(s.data, "read ahead in inode " + inode);
            } catch (MfsException e) {
                // a failed prefetch is no answer: the direct read retries and reports for itself
                forget(s);
                readDirect(cursor, dst, off + (int) (cursor - pos), len);
                cursor += len;
                continue;
            }
            copy(data, (int) (cursor - s.offset), dst, off + (int) (cursor - pos), len);
            cursor += len;
        }
        if (cursor < end) {
            readDirect(cursor, dst, off + (int) (cursor - pos), (int) (end - cursor));
        }
    }

    /** Updates the access pattern, starts prefetches, and returns the segments this read can use. */
    private synchronized List<Segment> plan(long pos, int n, long fileLength, long changeCount) {
        if (changeCount != changes) {
            segments.clear();
            fetchedTo = 0;
            changes = changeCount;
        }
        long end = pos + n;
        // once a stream is established, its reads may arrive further out of order than a new one's
        long slack = window > 0 ? REORDER : FIRST_WINDOW;
        boolean sequential = pos >= expected - slack && pos <= expected + slack || bordersRecent(pos, end);
        recentStarts[recentNext] = pos;
        recentEnds[recentNext] = end;
        recentNext = (recentNext + 1) % RECENT;
        if (!sequential || maxWindow == 0) {
            segments.clear();
            fetchedTo = 0;
            window = 0;
            streak = 0;
        } else {
            streak = Math.min(streak + 1, 2);
            if (streak == 2 && end > expected) {
                window = window == 0 ? Math.min(maxWindow, FIRST_WINDOW) : Math.min(maxWindow, window * 2);
            }
        }
        expected = Math.max(sequential ? expected : 0, end);
        List<Segment> use = new ArrayList<>();
        Iterator<Map.Entry<Long, Segment>> it = segments.entrySet().iterator();
        while (it.hasNext()) {
            Segment s = it.next().getValue();
            if (s.end() <= pos - REORDER) {
                it.remove();
            } else if (s.offset < end && s.end() > pos) {
                use.add(s);
            }
        }
        if (window > 0) {
            prefetch(Math.max(fetchedTo, end), Math.min(fileLength, roundUp(end + window)));
        }
        return use;
    }

    private boolean bordersRecent(long pos, long end) {
        for (int i = 0; i < RECENT; i++) {
            if (recentEnds[i] == pos || recentStarts[i] == end) {
                return true;
            }
        }
        return false;
    }

    private void prefetch(long from, long to) {
        for (long s = from; s < to; ) {
            long e = Math.min(to, (s / SEGMENT + 1) * SEGMENT);
            int len = (int) (e - s);
            CompletableFuture<byte[]> f = reader.read(inode, ChunkGeometry.chunkIndex(s),
                    ChunkGeometry.offsetInChunk(s), len);
            f.thenAccept(d -> metrics.readAhead(d.length));
            segments.put(s, new Segment(s, len, f));
            s = e;
        }
        fetchedTo = Math.max(fetchedTo, to);
    }

    private synchronized void forget(Segment s) {
        segments.remove(s.offset, s);
    }

    synchronized void clear() {
        segments.clear();
        fetchedTo = 0;
        window = 0;
        streak = 0;
    }

    /** Reads without prefetch: the range split at chunk boundaries and into segments, all at once. */
    private void readDirect(long pos, ByteBuffer dst, int off, int n) throws MfsException {
        List<CompletableFuture<byte[]>> parts = new ArrayList<>();
        List<long[]> where = new ArrayList<>();
        for (long p = pos; p < pos + n; ) {
            int inChunk = ChunkGeometry.offsetInChunk(p);
            int len = (int) Math.min(pos + n - p, Math.min(SEGMENT, ChunkGeometry.CHUNK_SIZE - inChunk));
            parts.add(reader.read(inode, ChunkGeometry.chunkIndex(p), inChunk, len));
            where.add(new long[] {p, len});
            p += len;
        }
        for (int i = 0; i < parts.size(); i++) {
            byte[] data = Futures.await(parts.get(i), "read inode " + inode);
            long p = where.get(i)[0];
            copy(data, 0, dst, off + (int) (p - pos), (int) where.get(i)[1]);
        }
    }

    /** Copies {@code len} bytes from {@code data[from..]}, zeros beyond the end of {@code data}. */
    private static void copy(byte[] data, int from, ByteBuffer dst, int off, int len) {
        int have = Math.max(0, Math.min(len, data.length - from));
        if (have > 0) {
            dst.put(off, data, from, have);
        }
        for (int at = off + have; at < off + len; at += ZEROS.length) {
            dst.put(at, ZEROS, 0, Math.min(ZEROS.length, off + len - at));
        }
    }

    private static long roundUp(long x) {
        return (x + SEGMENT - 1) / SEGMENT * SEGMENT;
    }
}
