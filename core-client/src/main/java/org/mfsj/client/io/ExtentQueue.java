package org.mfsj.client.io;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mfsj.common.types.ChunkGeometry;

/**
 * The extents of a write-back buffer not yet taken by the writer, in the order they were made,
 * with each chunk's own run at hand: a writer holding its session on one chunk takes that chunk's
 * first extent while thousands of a scattered writer's extents of other chunks wait, so neither
 * lookup may walk the queue. Extents leave only as the first of their chunk. Not thread-safe: the
 * buffer's monitor guards it.
 */
final class ExtentQueue {
    private final TreeMap<Long, Extent> bySerial = new TreeMap<>();
    private final Map<Integer, ArrayDeque<Extent>> byChunk = new HashMap<>();
    /** Bytes of the queued extents, kept by {@link #grew} as the tail grows. */
    private long bytes;

    void addLast(Extent e) {
        bySerial.put(e.serial(), e);
        byChunk.computeIfAbsent(chunkOf(e), c -> new ArrayDeque<>()).addLast(e);
        bytes += e.length();
    }

    /** A queued extent took {@code n} more bytes. */
    void grew(int n) {
        bytes += n;
    }

    /** The oldest extent, null when none is queued. */
    Extent first() {
        Map.Entry<Long, Extent> f = bySerial.firstEntry();
        return f == null ? null : f.getValue();
    }

    /** The newest extent (the only one that may still grow), null when none is queued. */
    Extent last() {
        Map.Entry<Long, Extent> l = bySerial.lastEntry();
        return l == null ? null : l.getValue();
    }

    /** The oldest queued extent of chunk {@code chunk}, null when it has none. */
    Extent firstOf(int chunk) {
        ArrayDeque<Extent> run = byChunk.get(chunk);
        return run == null ? null : run.peekFirst();
    }

    /** Takes {@code e}, the first queued extent of its chunk, out of the queue. */
    void remove(Extent e) {
        int chunk = chunkOf(e);
        ArrayDeque<Extent> run = byChunk.get(chunk);
        if (run == null || run.peekFirst() != e) {
            throw new IllegalStateException("extent at " + e.offset() + " is not the first of chunk " + chunk);
        }
        run.pollFirst();
        if (run.isEmpty()) {
            byChunk.remove(chunk);
        }
        bySerial.remove(e.serial());
        bytes -= e.length();
    }

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return bySerial.isEmpty();
    }

    int size() {
        return bySerial.size();
    }

    /** Every queued extent, oldest first. */
    Collection<Extent> all() {
        return bySerial.values();
    }

    void clear() {
        bySerial.clear();
        byChunk.clear();
        bytes = 0;
    }

    private static int chunkOf(Extent e) {
        return ChunkGeometry.chunkIndex(e.offset());
    }
}
