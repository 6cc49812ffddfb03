package org.mfsj.master.meta.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mfsj.common.types.FileType;
import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.master.chunks.ChunkRecord;
import org.mfsj.master.meta.ExportsSet;
import org.mfsj.master.meta.LogEntry;
import org.mfsj.master.meta.MetaRecord;
import org.mfsj.master.meta.SessionOpened;
import org.mfsj.master.namespace.op.ExtendLengthRecord;
import org.mfsj.master.namespace.op.LinkRecord;
import org.mfsj.master.namespace.op.MkdirRecord;
import org.mfsj.master.namespace.op.MknodRecord;
import org.mfsj.master.namespace.op.RemoveXattrRecord;
import org.mfsj.master.namespace.op.RenameRecord;
import org.mfsj.master.namespace.op.RmdirRecord;
import org.mfsj.master.namespace.op.SetAttrRecord;
import org.mfsj.master.namespace.op.SetChunkRecord;
import org.mfsj.master.namespace.op.SetGoalRecord;
import org.mfsj.master.namespace.op.SetTrashTimeRecord;
import org.mfsj.master.namespace.op.AppendChunksRecord;
import org.mfsj.master.namespace.op.PublishRecord;
import org.mfsj.master.namespace.op.PurgeTrashRecord;
import org.mfsj.master.namespace.op.ReleaseOpensRecord;
import org.mfsj.master.namespace.op.RestoreTrashRecord;
import org.mfsj.master.namespace.op.SnapshotRecord;
import org.mfsj.master.namespace.op.SetQuotaRecord;
import org.mfsj.master.namespace.op.SetXattrRecord;
import org.mfsj.master.namespace.op.SymlinkRecord;
import org.mfsj.master.namespace.op.TruncateRecord;
import org.mfsj.master.namespace.op.UnlinkRecord;

class RecordCodecTest {
    /** One of every record type, with values that use the full width of their fields. */
    static final List<MetaRecord> SAMPLES = List.of(
            new MkdirRecord(1, "dir", 2, 02755, 1000, -2, 9, Long.MAX_VALUE),
            new MknodRecord(2, "dev ж", 3, FileType.CHAR_DEVICE, 0600, 0x0801, 0, 0, 1, 5),
            new SymlinkRecord(2, "ln", 4, "../a/b/" + "x".repeat(1000), 7, 8, 2, 6),
            new LinkRecord(3, 1, "hard", 7),
            new UnlinkRecord(1, "hard", 3, 8),
            new RmdirRecord(1, "dir", 2, 9),
            new RenameRecord(1, "a", 2, "b", 5, 6, 10),
            new SetAttrRecord(5, 0x1f, 0644, 1, 2, -1, Long.MIN_VALUE, 11),
            new TruncateRecord(5, 1L << 40, 12),
            new SetXattrRecord(5, "user.k", new byte[] {0, 1, (byte) 0xff}, 13),
            new RemoveXattrRecord(5, "user.k", 14),
            new SetChunkRecord(5, 3, 0xABCDEF0123L),
            new ExtendLengthRecord(5, 99, 15),
            new SetGoalRecord(2, 3, true, true, 1000, 16),
            new SetTrashTimeRecord(2, Integer.MAX_VALUE, true, false, 1000, 17),
            new PurgeTrashRecord(Long.MAX_VALUE),
            new RestoreTrashRecord(5, 1L << 40, 18),
            new SnapshotRecord(2, 1, "snap ж", 1L << 33, 19),
            new SetQuotaRecord(2, 1, Long.MAX_VALUE, 3, 4),
            new AppendChunksRecord(9, java.util.List.of(3L, Long.MAX_VALUE, 7L), 21),
            new PublishRecord(3, ".tmp ж", 2, "obj", 9, 8, "user.s3.meta", new byte[] {1, 0, (byte) 0xfe}, -5, 20),
            new ChunkRecord.Created(0xABCDEF0123L, 2),
            new ChunkRecord.Version(0xABCDEF0123L, 7, -1),
            new ChunkRecord.Forgotten(42),
            new ExportsSet("127.0.0.1 / rw,maproot=0 # ж\n* /pub ro\n", 1L << 41, "m1.example:9421"),
            new SessionOpened(),
            new org.mfsj.master.namespace.op.HoldOpenRecord(Long.MAX_VALUE, -3, Integer.MAX_VALUE),
            new org.mfsj.master.namespace.op.ReleaseOpenRecord(5, 1L << 50, 1),
            new ReleaseOpensRecord(1L << 50, List.of(
                    new ReleaseOpensRecord.Released(5, 2),
                    new ReleaseOpensRecord.Released(Long.MAX_VALUE, 1))));

    @Test
    void everyRecordTypeRoundTrips() {
        long v = 1;
        for (MetaRecord r : SAMPLES) {
            LogEntry e = new LogEntry(v++, 77, Long.MIN_VALUE, r);
            assertThat(RecordCodec.decode(RecordCodec.encode(e))).isEqualTo(e);
        }
    }

    @Test
    void aTruncatedOrPaddedPayloadIsRefused() {
        for (MetaRecord r : SAMPLES) {
            byte[] b = RecordCodec.encode(new LogEntry(1, 0, 0, r));
            for (int cut = 0; cut < b.length; cut++) {
                byte[] shorter = Arrays.copyOf(b, cut);
                assertThatThrownBy(() -> RecordCodec.decode(shorter)).as("%s cut to %d", r, cut)
                        .isInstanceOf(MalformedMessageException.class);
            }
            byte[] longer = Arrays.copyOf(b, b.length + 1);
            assertThatThrownBy(() -> RecordCodec.decode(longer)).isInstanceOf(MalformedMessageException.class);
        }
    }

    @Test
    void anUnknownTagIsRefused() {
        byte[] b = RecordCodec.encode(new LogEntry(1, 0, 0, new ChunkRecord.Forgotten(1)));
        b[24] = 0x7f;
        assertThatThrownBy(() -> RecordCodec.decode(b)).hasMessageContaining("unknown record type");
    }

    /** Every bit of the header and of the envelope, then every 5th bit of the body (one file write each). */
    @Test
    void aBitFlipInAFrameIsCaught(@TempDir Path dir) throws IOException {
        byte[] one = Frames.frame(RecordCodec.encode(new LogEntry(1, 1, 1, SAMPLES.get(1))));
        byte[] two = Frames.frame(RecordCodec.encode(new LogEntry(2, 1, 2, SAMPLES.get(6))));
        Path f = dir.resolve("frames");
        for (int bit = 0; bit < one.length * 8; bit += bit < (Frames.HEADER + 26) * 8 ? 1 : 5) {
            byte[] damaged = one.clone();
            damaged[bit / 8] ^= (byte) (1 << (bit % 8));
            Files.write(f, concat(damaged, two));
            try (FrameReader r = new FrameReader(f, 0)) {
                // damage followed by more data is never taken for a torn tail, and never passes
                assertThatThrownBy(r::next).as("bit %d", bit).isInstanceOf(CorruptMetadataException.class)
                        .hasMessageContaining(f.toString()).hasMessageContaining("offset 0");
            } catch (FrameReader.Torn t) {
                throw new AssertionError("bit " + bit + " read as torn", t);
            }
        }
    }

    @Test
    void aFrameCutByTheEndOfTheFileIsTorn(@TempDir Path dir) throws IOException {
        byte[] one = Frames.frame(RecordCodec.encode(new LogEntry(1, 1, 1, SAMPLES.get(0))));
        byte[] two = Frames.frame(RecordCodec.encode(new LogEntry(2, 1, 2, SAMPLES.get(2))));
        Path f = dir.resolve("frames");
        for (int cut = 1; cut < two.length; cut++) {
            Files.write(f, concat(one, Arrays.copyOf(two, cut)));
            try (FrameReader r = new FrameReader(f, 0)) {
                assertThat(RecordCodec.decode(r.next()).version()).isEqualTo(1);
                FrameReader.Torn torn = org.junit.jupiter.api.Assertions.assertThrows(FrameReader.Torn.class, r::next);
                assertThat(torn.offset()).isEqualTo(one.length);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
