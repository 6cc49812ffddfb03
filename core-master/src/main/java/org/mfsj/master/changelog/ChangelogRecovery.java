package org.mfsj.master.changelog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.codec.CorruptMetadataException;
import org.mfsj.master.meta.codec.FrameReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up reading of the changelog: every entry after the image, in order, checked strictly. A
 * torn last record of the newest segment (a crash mid-write) is cut off the file and never
 * applied; a bad record anywhere else, or a gap in the versions, stops the start with the file
 * and offset named, because serving from a log with a hole would serve wrong metadata.
 */
public final class ChangelogRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(ChangelogRecovery.class);

    /** Receives each entry; an exception means the entry does not fit the state (a corrupt log). */
    @FunctionalInterface
    public interface Applier {
        void apply(LogEntry e);
    }

    private ChangelogRecovery() {
    }

    /**
     * Feeds every entry from {@code fromVersion} on to {@code applier} and returns the last version
     * read ({@code fromVersion - 1} when there is none). With {@code cut}, a torn tail is cut off
     * the file; without (read-only tools), it is only skipped.
     */
    public static long replay(Path dir, long fromVersion, Applier applier, boolean cut) throws IOException {
        if (cut && Segment.dropHeaderless(dir)) {
            LOG.warn("newest changelog file in {} was cut before its header was written; removed", dir);
        }
        List<Segment> segments = Segment.list(dir);
        long next = fromVersion;
        int start = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).firstVersion() <= fromVersion) {
                start = i;
            }
        }
        for (int i = start; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.firstVersion() > next) {
                throw new CorruptMetadataException(s.path(), 0, "starts at version " + s.firstVersion()
                        + " but version " + next + " is the next needed: entries missing");
            }
            next = replaySegment(s, next, applier, cut && i == segments.size() - 1, i == segments.size() - 1);
        }
        return next - 1;
    }

    private static long replaySegment(Segment s, long next, Applier applier, boolean cut, boolean newest)
            throws IOException {
        long expected = next;
        try (SegmentReader r = new SegmentReader(s)) {
            while (true) {
                LogEntry e;
                try {
                    e = r.next();
                } catch (FrameReader.Torn torn) {
                    if (!newest) {
                        throw new CorruptMetadataException(s.path(), torn.offset(), "record cut short in a segment "
                                + "that is not the newest");
                    }
                    handleTorn(s, torn, cut);
                    return expected;
                }
                if (e == null) {
                    return expected;
                }
                if (e.version() < expected) {
                    continue;
                }
                try {
                    applier.apply(e);
                } catch (RuntimeException ex) {
                    throw r.corrupt("version " + e.version() + " (" + e.record().getClass().getSimpleName()
                            + ") does not fit the metadata: " + ex.getMessage());
                }
                expected = e.version() + 1;
            }
        }
    }

    private static void handleTorn(Segment s, FrameReader.Torn torn, boolean cut) throws IOException {
        if (!cut) {
            LOG.warn("{}; ignored", torn.getMessage());
            return;
        }
        try (FileChannel ch = FileChannel.open(s.path(), StandardOpenOption.WRITE)) {
            ch.truncate(torn.offset());
            ch.force(true);
        }
        LOG.warn("{}; cut the file to {} bytes", torn.getMessage(), torn.offset());
    }
}
