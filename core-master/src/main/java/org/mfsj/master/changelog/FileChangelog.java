package org.mfsj.master.changelog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.codec.Frames;
import org.mfsj.master.meta.codec.RecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changelog as local files ({@link Segment}s) written by a {@link CommitThread}. Entries are
 * encoded on the appending (master) thread; the commit thread only writes and forces bytes.
 * Open it after {@link ChangelogRecovery} has checked the existing segments and cut a torn tail.
 */
public final class FileChangelog implements MetaLog {
    private static final Logger LOG = LoggerFactory.getLogger(FileChangelog.class);

    private final Path dir;
    private final CopyOnWriteArrayList<Segment> segments;
    private final CommitThread writer;
    /** The version the files continue (what recovery found): with no file yet, entries start after it. */
    private final long openedAt;
    private long last;

    private FileChangelog(Path dir, List<Segment> existing, long lastVersion, long rotateBytes, Listener listener,
            long deferNanos) {
        this.dir = dir;
        this.segments = new CopyOnWriteArrayList<>(existing);
        this.last = lastVersion;
        this.openedAt = lastVersion;
        this.writer = new CommitThread(dir, rotateBytes, lastVersion, segments, listener, deferNanos);
    }

    /**
     * Continues the log in {@code dir} after {@code lastVersion} (what recovery found) in a new
     * segment; a segment rotates once it passes {@code rotateBytes}.
     */
    public static FileChangelog open(Path dir, long lastVersion, long rotateBytes, Listener listener)
            throws IOException {
        return open(dir, lastVersion, rotateBytes, listener, CommitThread.DEFERRED_NANOS);
    }

    /** As above; a deferred entry stays unforced {@code deferNanos} at most (tests set it). */
    static FileChangelog open(Path dir, long lastVersion, long rotateBytes, Listener listener, long deferNanos)
            throws IOException {
        Files.createDirectories(dir);
        FileChangelog log = new FileChangelog(dir, Segment.list(dir), lastVersion, rotateBytes, listener, deferNanos);
        log.writer.start();
        return log;
    }

    @Override
    public long lastVersion() {
        return last;
    }

    /** The oldest version the kept files hold (one past the last when there are none). */
    public long firstVersion() {
        List<Segment> now = segments;
        return now.isEmpty() ? Math.min(openedAt, last) + 1 : now.get(0).firstVersion();
    }

    @Override
    public long durableVersion() {
        return writer.durable();
    }

    @Override
    public void append(LogEntry e) {
        append(e, false);
    }

    @Override
    public void appendDeferred(LogEntry e) {
        append(e, true);
    }

    private void append(LogEntry e, boolean deferred) {
        if (e.version() != last + 1) {
            throw new IllegalArgumentException("entry version " + e.version() + " after " + last);
        }
        writer.enqueue(Frames.frame(RecordCodec.encode(e)), e.version(), deferred);
        last = e.version();
    }

    @Override
    public void forceUpTo(long version) {
        writer.forceUpTo(version);
    }

    /**
     * Forces asked for on {@code site}'s thread are made there, when it has nothing else queued,
     * instead of on the log's own thread (see {@link CommitThread}).
     */
    public void forceOn(ForceSite site) {
        writer.forceOn(site);
    }

    /** Appends an entry already encoded by {@link RecordCodec#encode}, as {@link #append} would. */
    public void appendEncoded(long version, byte[] payload) {
        if (version != last + 1) {
            throw new IllegalArgumentException("entry version " + version + " after " + last);
        }
        writer.enqueue(Frames.frame(payload), version);
        last = version;
    }

    /**
     * Appends entries already encoded, the first at {@code firstVersion}, handed to the writer at
     * once (master HA: a follower's batch from the leader wakes the writer once, not per entry).
     */
    public void appendEncoded(long firstVersion, List<byte[]> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        if (firstVersion != last + 1) {
            throw new IllegalArgumentException("entry version " + firstVersion + " after " + last);
        }
        int size = 0;
        for (byte[] p : payloads) {
            size += Frames.HEADER + p.length;
        }
        ByteBuffer frames = ByteBuffer.allocate(size);
        for (byte[] p : payloads) {
            Frames.write(frames, p, 0, p.length);
        }
        long lastOfBatch = firstVersion + payloads.size() - 1;
        writer.enqueue(frames.array(), lastOfBatch);
        last = lastOfBatch;
    }

    /**
     * Drops every entry after {@code version}, from the files too (master HA: a tail the leader
     * does not have). Waits for what is pending first; appends go on in a new segment.
     */
    public void truncateAfter(long version) throws IOException, InterruptedException {
        if (version >= last) {
            return;
        }
        writer.awaitDurable(last);
        writer.resetTo(version);
        long before = last;
        // at once, as the writer now counts from here: should cutting the files fail (the master
        // thread interrupted as its life ends), a later sync of the last version must not wait
        // for entries that no longer exist (the next life reads the files again anyway)
        last = version;
        for (int i = segments.size() - 1; i >= 0; i--) {
            Segment s = segments.get(i);
            if (s.firstVersion() > version) {
                segments.remove(i);
                Files.deleteIfExists(s.path());
                continue;
            }
            cut(s, version);
            break;
        }
        Segment.syncDir(dir);
        LOG.warn("changelog in {} cut back from version {} to {}", dir, before, version);
    }

    /** Cuts segment {@code s} right after its entry {@code version}. */
    private static void cut(Segment s, long version) throws IOException {
        long end;
        try (SegmentReader r = new SegmentReader(s)) {
            while (r.expected() <= version && r.next() != null) {
                // reads up to and including the entry at version
            }
            end = r.position();
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(s.path(),
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(end);
            ch.force(true);
        }
    }

    @Override
    public void sync(long version) throws IOException, InterruptedException {
        writer.awaitDurable(version);
    }

    @Override
    public LogCursor read(long fromVersion) throws IOException {
        return read(fromVersion, writer.durable());
    }

    /** Durable entries from {@code fromVersion} up to {@code upTo} at most. */
    public LogCursor read(long fromVersion, long upTo) throws IOException {
        return new SegmentCursor(List.copyOf(segments), fromVersion, Math.min(upTo, writer.durable()));
    }

    @Override
    public void rotate() {
        writer.requestRotate();
    }

    @Override
    public void dropCovered(long coveredVersion, int keep) throws IOException {
        List<Segment> now = List.copyOf(segments);
        // a segment's entries end where the next one starts; the newest is still being written
        for (int i = 0; i + 1 < now.size() && now.size() - i > keep; i++) {
            Segment s = now.get(i);
            if (now.get(i + 1).firstVersion() - 1 > coveredVersion) {
                break;
            }
            segments.remove(s);
            Files.deleteIfExists(s.path());
            LOG.info("changelog segment {} dropped: an image holds versions up to {}", s.path(), coveredVersion);
        }
    }

    @Override
    public long[] commitStats() {
        return new long[] {writer.batches(), writer.records()};
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        writer.shutdown();
    }
}
