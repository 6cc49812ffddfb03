package org.mfsj.master.changelog;

import java.io.IOException;
import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.codec.CorruptMetadataException;
import org.mfsj.master.meta.codec.FrameReader;
import org.mfsj.master.meta.codec.RecordCodec;

/** The entries of one segment, decoded strictly, each checked to be one version after the last. */
final class SegmentReader implements AutoCloseable {
    private final Segment segment;
    private final FrameReader frames;
    private long expected;

    SegmentReader(Segment segment) throws IOException {
        this.segment = segment;
        this.frames = new FrameReader(segment.path(), Segment.HEADER);
        this.expected = segment.firstVersion();
    }

    /** The next entry, null at the end; {@link FrameReader.Torn} when the end is a cut record. */
    LogEntry next() throws IOException {
        byte[] payload = frames.next();
        if (payload == null) {
            return null;
        }
        LogEntry e;
        try {
            e = RecordCodec.decode(payload);
        } catch (MalformedMessageException | IllegalArgumentException ex) {
            throw frames.corrupt("undecodable record: " + ex.getMessage());
        }
        if (e.version() != expected) {
            throw frames.corrupt("version " + e.version() + " where " + expected + " was expected");
        }
        expected++;
        return e;
    }

    /** Where the next entry starts in the file. */
    long position() {
        return frames.position();
    }

    /** The version the next entry must have: one past the last entry read. */
    long expected() {
        return expected;
    }

    /** An error about the entry last returned, naming this file and its offset. */
    CorruptMetadataException corrupt(String why) {
        return frames.corrupt(why);
    }

    Segment segment() {
        return segment;
    }

    @Override
    public void close() throws IOException {
        frames.close();
    }
}
